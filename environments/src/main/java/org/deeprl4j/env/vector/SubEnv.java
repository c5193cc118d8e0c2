package org.deeprl4j.env.vector;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import org.deeprl4j.env.Env;
import org.deeprl4j.env.InvalidActionException;
import org.deeprl4j.env.Reset;
import org.deeprl4j.env.Step;
import org.deeprl4j.env.spaces.Box;
import org.deeprl4j.env.spaces.Discrete;
import org.deeprl4j.env.spaces.MultiBinary;
import org.deeprl4j.env.spaces.MultiDiscrete;
import org.deeprl4j.env.spaces.Space;

/**
 * One sub-environment of a vector environment with its row of the shared buffers: converts its
 * slice of the flat action array, steps or autoresets, flattens the observation into its row and
 * keeps the running episode statistics. All vector environments share this code, so the
 * sequential and threaded ones compute identical results.
 */
final class SubEnv implements java.io.Serializable {
    /** How actions reach the sub-environment. */
    enum ActionKind {
        DISCRETE, INTS, FLOAT32, FLOAT64;

        boolean takesInts() {
            return this == DISCRETE || this == INTS;
        }

        static ActionKind of(Space<?> space) {
            if (space instanceof Discrete) {
                return DISCRETE;
            }
            if (space instanceof MultiDiscrete || space instanceof MultiBinary) {
                return INTS;
            }
            if (space instanceof Box<?> box) {
                return box.dtype() == Box.DType.FLOAT32 ? FLOAT32 : FLOAT64;
            }
            throw new IllegalArgumentException("vector environments support Discrete, MultiDiscrete, MultiBinary "
                    + "and Box action spaces, got " + space);
        }
    }

    private static final Map<String, Object> AUTORESET_ONLY = Map.of(VectorEnv.AUTORESET, Boolean.TRUE);

    private final int index;
    private final Env<Object, Object> env;
    private final Space<Object> obsSpace;
    private final ActionKind kind;
    private final int obsDim;
    private final int actDim;
    private final int[] intAction;
    private final float[] floatAction;
    private final double[] doubleAction;
    private Object lastAction;
    private boolean needsAutoreset;
    private double episodeReturn;
    private int episodeLength;

    @SuppressWarnings("unchecked")
    SubEnv(int index, Env<?, ?> env) {
        this.index = index;
        this.env = (Env<Object, Object>) env;
        this.obsSpace = (Space<Object>) env.observationSpace();
        this.kind = ActionKind.of(env.actionSpace());
        this.obsDim = obsSpace.flatDim();
        this.actDim = env.actionSpace().flatDim();
        this.intAction = kind == ActionKind.INTS ? new int[actDim] : null;
        this.floatAction = kind == ActionKind.FLOAT32 ? new float[actDim] : null;
        this.doubleAction = kind == ActionKind.FLOAT64 ? new double[actDim] : null;
    }

    /** Resets the sub-environment and writes its observation row and reset info. */
    void reset(OptionalLong seed, VectorStep out, Map<String, Object>[] resetInfos) {
        try {
            Reset<Object> r = env.reset(seed);
            obsSpace.flatten(r.observation(), out.observations, index * obsDim);
            resetInfos[index] = r.info();
        } catch (RuntimeException e) {
            throw new VectorEnvException(index, "reset", e);
        }
        needsAutoreset = false;
        episodeReturn = 0;
        episodeLength = 0;
    }

    /** Steps (or, in NEXT_STEP mode after an episode end, resets) and writes row {@code index}. */
    void step(int[] ints, float[] floats, AutoresetMode mode, VectorStep out) {
        try {
            if (mode == AutoresetMode.NEXT_STEP && needsAutoreset) {
                autoreset(out);
            } else {
                lastAction = action(ints, floats);
                transition(env.step(lastAction), mode, out);
            }
        } catch (InvalidActionException e) {
            throw new VectorActionException(index, lastAction, env.actionSpace(), e);
        } catch (RuntimeException e) {
            throw new VectorEnvException(index, "step", e);
        }
    }

    /** Closes the sub-environment. */
    void close() {
        try {
            env.close();
        } catch (RuntimeException e) {
            throw new VectorEnvException(index, "close", e);
        }
    }

    private Object action(int[] ints, float[] floats) {
        int off = index * actDim;
        return switch (kind) {
            case DISCRETE -> ints[index];
            case INTS -> {
                System.arraycopy(ints, off, intAction, 0, actDim);
                yield intAction;
            }
            case FLOAT32 -> {
                System.arraycopy(floats, off, floatAction, 0, actDim);
                yield floatAction;
            }
            case FLOAT64 -> {
                for (int j = 0; j < actDim; j++) {
                    doubleAction[j] = floats[off + j];
                }
                yield doubleAction;
            }
        };
    }

    /** NEXT_STEP: the step after an episode end resets instead of stepping; the action is ignored. */
    private void autoreset(VectorStep out) {
        Reset<Object> r = env.reset();
        obsSpace.flatten(r.observation(), out.observations, index * obsDim);
        out.rewards[index] = 0.0;
        out.terminated[index] = false;
        out.truncated[index] = false;
        out.autoreset[index] = true;
        out.infos[index] = r.info().isEmpty() ? AUTORESET_ONLY : withAutoreset(r.info());
        needsAutoreset = false;
        episodeReturn = 0;
        episodeLength = 0;
    }

    private void transition(Step<Object> s, AutoresetMode mode, VectorStep out) {
        int row = index * obsDim;
        obsSpace.flatten(s.observation(), out.observations, row);
        out.rewards[index] = s.reward();
        out.terminated[index] = s.terminated();
        out.truncated[index] = s.truncated();
        episodeReturn += s.reward();
        episodeLength++;
        if (!s.done()) {
            out.autoreset[index] = false;
            out.infos[index] = s.info();
            return;
        }
        float[] finalObs = Arrays.copyOfRange(out.observations, row, row + obsDim);
        Object stats = s.info().get(VectorEnv.EPISODE);
        if (stats == null) {
            stats = Map.of("r", episodeReturn, "l", episodeLength);
        }
        Map<String, Object> info = new LinkedHashMap<>();
        if (mode == AutoresetMode.NEXT_STEP) {
            info.putAll(s.info());
            out.autoreset[index] = false;
            needsAutoreset = true;
        } else {
            Reset<Object> r = env.reset();
            obsSpace.flatten(r.observation(), out.observations, row);
            info.putAll(r.info());
            info.put(VectorEnv.FINAL_INFO, s.info());
            info.put(VectorEnv.AUTORESET, Boolean.TRUE);
            out.autoreset[index] = true;
            episodeReturn = 0;
            episodeLength = 0;
        }
        info.put(VectorEnv.FINAL_OBS, finalObs);
        info.put(VectorEnv.EPISODE, stats);
        out.infos[index] = Collections.unmodifiableMap(info);
    }

    private static Map<String, Object> withAutoreset(Map<String, Object> resetInfo) {
        Map<String, Object> info = new LinkedHashMap<>(resetInfo);
        info.put(VectorEnv.AUTORESET, Boolean.TRUE);
        return Collections.unmodifiableMap(info);
    }
}
