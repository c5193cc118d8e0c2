package org.deeprl4j.env.vector;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Supplier;
import org.deeprl4j.env.Env;
import org.deeprl4j.env.spaces.Space;

/**
 * The part of a vector environment that does not depend on how sub-environments are scheduled:
 * construction and space checks, argument checks, call order, buffers and close. Subclasses
 * implement {@link #runAll()}, which must call {@link #runRange(int, int)} over every index
 * exactly once and return after all of them finished.
 */
abstract class AbstractVectorEnv implements VectorEnv, java.io.Serializable {
    private enum State { NEEDS_RESET, READY, FAILED, CLOSED }

    /** The operation {@link #runRange} performs. */
    enum Op { RESET, STEP }

    private final SubEnv[] subs;
    private final Space<?> observationSpace;
    private final Space<?> actionSpace;
    private final SubEnv.ActionKind actionKind;
    private final AutoresetMode autoresetMode;
    private final VectorStep out;
    private final Map<String, Object>[] resetInfos;
    private final List<Map<String, Object>> resetInfoView;
    private State state = State.NEEDS_RESET;
    private String failure;

    // The current operation: written by the caller before runAll(); subclasses that run ranges on
    // other threads must publish these writes (happens-before) to them.
    private Op op;
    private boolean seeded;
    private long seed;
    private int[] intActions;
    private float[] floatActions;

    @SuppressWarnings("unchecked")
    AbstractVectorEnv(List<? extends Supplier<? extends Env<?, ?>>> factories, AutoresetMode autoresetMode) {
        if (factories == null || factories.isEmpty()) {
            throw new IllegalArgumentException("a vector environment needs at least one environment factory, got "
                    + (factories == null ? "null" : "an empty list"));
        }
        if (autoresetMode == null) {
            throw new IllegalArgumentException("autoresetMode must not be null");
        }
        List<Env<?, ?>> envs = create(factories);
        try {
            this.observationSpace = envs.get(0).observationSpace();
            this.actionSpace = envs.get(0).actionSpace();
            this.actionKind = SubEnv.ActionKind.of(actionSpace);
            checkSpaces(envs);
        } catch (RuntimeException e) {
            envs.forEach(AbstractVectorEnv::closeQuietly);
            throw e;
        }
        this.autoresetMode = autoresetMode;
        this.subs = new SubEnv[envs.size()];
        for (int i = 0; i < subs.length; i++) {
            subs[i] = new SubEnv(i, envs.get(i));
        }
        this.out = new VectorStep(subs.length, observationSpace.flatDim());
        this.resetInfos = new Map[subs.length];
        Arrays.fill(resetInfos, Map.of());
        this.resetInfoView = new VectorStep.ArrayView<>(resetInfos);
    }

    private static List<Env<?, ?>> create(List<? extends Supplier<? extends Env<?, ?>>> factories) {
        List<Env<?, ?>> envs = new ArrayList<>(factories.size());
        try {
            for (int i = 0; i < factories.size(); i++) {
                Supplier<? extends Env<?, ?>> f = factories.get(i);
                Env<?, ?> env = f == null ? null : f.get();
                if (env == null) {
                    throw new IllegalArgumentException("environment factory " + i
                            + (f == null ? " is null" : " returned null"));
                }
                envs.add(env);
            }
        } catch (RuntimeException e) {
            envs.forEach(AbstractVectorEnv::closeQuietly);
            throw e;
        }
        return envs;
    }

    private void checkSpaces(List<Env<?, ?>> envs) {
        for (int i = 1; i < envs.size(); i++) {
            Env<?, ?> env = envs.get(i);
            if (!observationSpace.equals(env.observationSpace())) {
                throw new IllegalArgumentException("sub-env " + i + " has observation space " + env.observationSpace()
                        + " but sub-env 0 has " + observationSpace
                        + "; all sub-envs of a vector env need equal spaces");
            }
            if (!actionSpace.equals(env.actionSpace())) {
                throw new IllegalArgumentException("sub-env " + i + " has action space " + env.actionSpace()
                        + " but sub-env 0 has " + actionSpace + "; all sub-envs of a vector env need equal spaces");
            }
        }
    }

    private static void closeQuietly(Env<?, ?> env) {
        try {
            env.close();
        } catch (RuntimeException ignored) {
            // already failing; the original exception is the one to report
        }
    }

    /** Runs {@link #runRange} over all indices {@code [0, numEnvs)}; returns when all finished. */
    abstract void runAll();

    /** Stops any threads; called once by {@link #close()} before the sub-environments close. */
    abstract void stopWorkers();

    /** Performs the current operation on sub-environments {@code [from, to)}. */
    final void runRange(int from, int to) {
        if (op == Op.RESET) {
            for (int i = from; i < to; i++) {
                subs[i].reset(seeded ? OptionalLong.of(seed + i) : OptionalLong.empty(), out, resetInfos);
            }
        } else {
            for (int i = from; i < to; i++) {
                subs[i].step(intActions, floatActions, autoresetMode, out);
            }
        }
    }

    @Override
    public final int numEnvs() {
        return subs.length;
    }

    @Override
    public final Space<?> observationSpace() {
        return observationSpace;
    }

    @Override
    public final Space<?> actionSpace() {
        return actionSpace;
    }

    @Override
    public final AutoresetMode autoresetMode() {
        return autoresetMode;
    }

    @Override
    public final float[] reset(long seed) {
        return doReset(true, seed);
    }

    @Override
    public final float[] reset() {
        return doReset(false, 0L);
    }

    private float[] doReset(boolean withSeed, long baseSeed) {
        if (state == State.CLOSED) {
            throw new IllegalStateException(name() + ": reset() called after close()");
        }
        out.clear();
        op = Op.RESET;
        seeded = withSeed;
        seed = baseSeed;
        execute("reset()");
        state = State.READY;
        return out.observations;
    }

    @Override
    public final List<Map<String, Object>> resetInfos() {
        return resetInfoView;
    }

    @Override
    public final VectorStep step(int[] actions) {
        checkStep(actions == null ? -1 : actions.length, true);
        intActions = actions;
        try {
            return runStep();
        } finally {
            intActions = null;
        }
    }

    @Override
    public final VectorStep step(float[] actions) {
        checkStep(actions == null ? -1 : actions.length, false);
        floatActions = actions;
        try {
            return runStep();
        } finally {
            floatActions = null;
        }
    }

    private VectorStep runStep() {
        op = Op.STEP;
        execute("step()");
        return out;
    }

    private void checkStep(int length, boolean ints) {
        switch (state) {
            case READY -> { }
            case NEEDS_RESET -> throw new IllegalStateException(name() + ": step() called before reset()");
            case FAILED -> throw new IllegalStateException(name() + ": step() called after a failed call ("
                    + failure + "); call reset() first");
            case CLOSED -> throw new IllegalStateException(name() + ": step() called after close()");
        }
        if (ints != actionKind.takesInts()) {
            throw new IllegalArgumentException("action space " + actionSpace + " takes "
                    + (ints ? "float actions: call step(float[])" : "int actions: call step(int[])")
                    + " with numEnvs * actionDim = " + subs.length * actionDim() + " values, not step("
                    + (ints ? "int[])" : "float[])"));
        }
        int expected = subs.length * actionDim();
        if (length != expected) {
            throw new IllegalArgumentException("step(" + (ints ? "int[]" : "float[]")
                    + ") expects numEnvs * actionDim = " + subs.length + " * " + actionDim() + " = " + expected
                    + " actions for " + actionSpace + ", got " + (length < 0 ? "null" : length));
        }
    }

    private void execute(String call) {
        try {
            runAll();
        } catch (RuntimeException | Error e) {
            state = State.FAILED;
            failure = call + " threw " + e.getMessage();
            throw e;
        }
    }

    @Override
    public final int actionDim() {
        return actionSpace.flatDim();
    }

    @Override
    public final int obsDim() {
        return out.obsDim;
    }

    @Override
    public final void close() {
        if (state == State.CLOSED) {
            return;
        }
        state = State.CLOSED;
        RuntimeException first = null;
        try {
            stopWorkers();
        } finally {
            for (SubEnv sub : subs) {
                try {
                    sub.close();
                } catch (RuntimeException e) {
                    if (first == null) {
                        first = e;
                    } else {
                        first.addSuppressed(e);
                    }
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /** True once {@link #close()} was called. */
    final boolean isClosed() {
        return state == State.CLOSED;
    }

    private String name() {
        return getClass().getSimpleName();
    }

    @Override
    public String toString() {
        return name() + "(numEnvs=" + subs.length + ", obs=" + observationSpace + ", action=" + actionSpace
                + ", autoreset=" + autoresetMode + ")";
    }
}
