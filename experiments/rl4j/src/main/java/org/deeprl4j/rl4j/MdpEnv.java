package org.deeprl4j.rl4j;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.function.LongFunction;
import org.deeplearning4j.gym.StepReply;
import org.deeplearning4j.rl4j.mdp.MDP;
import org.deeplearning4j.rl4j.space.DiscreteSpace;
import org.deeplearning4j.rl4j.space.Encodable;
import org.deeplearning4j.rl4j.space.ObservationSpace;
import org.deeprl4j.env.Env;
import org.deeprl4j.env.EpisodeGuard;
import org.deeprl4j.env.InvalidActionException;
import org.deeprl4j.env.Reset;
import org.deeprl4j.env.Rng;
import org.deeprl4j.env.Step;
import org.deeprl4j.env.spaces.Box;
import org.deeprl4j.env.spaces.Discrete;
import org.deeprl4j.env.spaces.Space;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An RL4J {@link MDP} seen as a deeprl4j {@link Env}, so deeprl4j agents (DQN, PPO, ...) train on
 * RL4J environments.
 *
 * <ul>
 *   <li>Observations: a float32 {@link Box} of the MDP's observation shape, values from
 *       {@link Encodable#toArray()} cast to float. Its bounds are the MDP's {@code getLow()} and
 *       {@code getHigh()} when they have one strictly increasing pair per element; otherwise
 *       (e.g. RL4J's {@code ArrayObservationSpace}, whose bounds are a dummy one-element array) the
 *       box is unbounded.</li>
 *   <li>Actions: the MDP's action space must be an RL4J {@link DiscreteSpace} (or subclass); it
 *       becomes {@link Discrete}{@code (size)}. Any other action space is rejected with an
 *       {@link IllegalArgumentException} naming it.</li>
 *   <li>RL4J has only {@code done}; it maps to {@code terminated}, and {@code truncated} is always
 *       false. A time limit the MDP applies internally therefore looks terminal, and agents do not
 *       bootstrap through it. Leave time limits out of the MDP and wrap this env in deeprl4j's
 *       {@code TimeLimit} instead, which reports them as truncation.</li>
 *   <li>Seeding: RL4J MDPs have no seed argument, so this env is built from a factory
 *       {@code seed -> mdp}. {@link #reset(long)} replaces the MDP by {@code factory.apply(seed)}
 *       (closing the old one unless the factory returned the same instance), {@link #reset()}
 *       calls the current MDP's {@code reset()}; the first reset without a seed uses an OS-entropy
 *       seed, as Gymnasium does. For an MDP that cannot be seeded use {@link #of(MDP)}: seeds then
 *       have no effect and episodes are not reproducible.</li>
 *   <li>Call order follows {@link Env}: step before reset, step after the episode ended and
 *       anything after close throw {@link IllegalStateException}; actions outside the space throw
 *       {@link InvalidActionException}.</li>
 * </ul>
 */
public final class MdpEnv implements Env<float[], Integer> {
    private final LongFunction<? extends MDP<?, ?, ?>> factory;
    private final Box<float[]> observationSpace;
    private final Discrete actionSpace;
    private final int[] shape;
    private final EpisodeGuard guard;
    private final String name;
    private MDP<?, ?, ?> mdp;

    private MdpEnv(LongFunction<? extends MDP<?, ?, ?>> factory, MDP<?, ?, ?> first) {
        this.factory = factory;
        this.mdp = first;
        this.name = first.getClass().getSimpleName();
        this.guard = new EpisodeGuard("MdpEnv(" + name + ")");
        this.actionSpace = discrete(first);
        ObservationSpace<?> os = Objects.requireNonNull(first.getObservationSpace(), name + ".getObservationSpace()");
        this.shape = os.getShape().clone();
        if (shape.length == 0 || Arrays.stream(shape).anyMatch(d -> d <= 0)) {
            throw new IllegalArgumentException(name + " has observation shape " + Arrays.toString(shape)
                    + "; a deeprl4j Box needs a non-empty shape of positive sizes");
        }
        this.observationSpace = box(os, shape);
    }

    /**
     * An env over the MDPs {@code factory} makes: {@code factory.apply(seed)} must return an MDP
     * whose episodes depend only on {@code seed}. One MDP is made up front (with an OS-entropy
     * seed) to read the spaces.
     *
     * @throws IllegalArgumentException when the action space is not a DiscreteSpace (naming it)
     */
    public static MdpEnv seeded(LongFunction<? extends MDP<?, ?, ?>> factory) {
        Objects.requireNonNull(factory, "factory");
        MDP<?, ?, ?> first = Objects.requireNonNull(factory.apply(Rng.fromEntropy().nextLong()),
                "the MDP factory returned null");
        try {
            return new MdpEnv(factory, first);
        } catch (IllegalArgumentException e) {
            first.close();
            throw e;
        }
    }

    /** An env over one MDP that cannot be seeded: {@code reset(seed)} ignores the seed. */
    public static MdpEnv of(MDP<?, ?, ?> mdp) {
        Objects.requireNonNull(mdp, "mdp");
        return new MdpEnv(seed -> mdp, mdp);
    }

    private static Discrete discrete(MDP<?, ?, ?> mdp) {
        Object space = mdp.getActionSpace();
        if (space instanceof DiscreteSpace ds && ds.getSize() > 0) {
            return new Discrete(ds.getSize());
        }
        String described = space == null ? "null" : space.getClass().getName() + " (" + space + ")";
        throw new IllegalArgumentException(mdp.getClass().getSimpleName() + " has action space " + described
                + "; MdpEnv needs an RL4J DiscreteSpace with a positive size");
    }

    private static Box<float[]> box(ObservationSpace<?> os, int[] shape) {
        int size = Arrays.stream(shape).reduce(1, (a, b) -> a * b);
        float[] low = new float[size];
        float[] high = new float[size];
        double[] lo = values(os.getLow(), size);
        double[] hi = values(os.getHigh(), size);
        boolean bounded = lo != null && hi != null;
        for (int i = 0; bounded && i < size; i++) {
            bounded = lo[i] < hi[i]; // false for NaN; a dummy all-zero bound is not a bound
        }
        for (int i = 0; i < size; i++) {
            low[i] = bounded ? (float) lo[i] : Float.NEGATIVE_INFINITY;
            high[i] = bounded ? (float) hi[i] : Float.POSITIVE_INFINITY;
        }
        return Box.of(low, high, shape);
    }

    private static double[] values(INDArray bound, int size) {
        return bound == null || bound.length() != size ? null : bound.dup().data().asDouble();
    }

    @Override
    public Space<float[]> observationSpace() {
        return observationSpace;
    }

    @Override
    public Space<Integer> actionSpace() {
        return actionSpace;
    }

    @Override
    public Reset<float[]> reset(OptionalLong seed) {
        guard.beforeReset();
        if (seed.isPresent()) {
            MDP<?, ?, ?> next = Objects.requireNonNull(factory.apply(seed.getAsLong()), "the MDP factory returned null");
            if (next != mdp) {
                mdp.close();
                mdp = next;
            }
        }
        float[] obs = toFloats(mdp.reset(), "reset()");
        guard.afterReset();
        return Reset.of(obs);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Step<float[]> step(Integer action) {
        guard.beforeStep();
        if (!actionSpace.contains(action)) {
            throw new InvalidActionException(action, actionSpace);
        }
        StepReply<?> reply = ((MDP<?, Integer, ?>) mdp).step(action);
        float[] obs = toFloats(reply.getObservation(), "step()");
        // RL4J has only done: it is a terminal state as far as we can tell (truncated stays false)
        Step<float[]> s = new Step<>(obs, reply.getReward(), reply.isDone(), false, info(reply.getInfo()));
        guard.afterStep(s.terminated(), s.truncated());
        return s;
    }

    private float[] toFloats(Object observation, String call) {
        if (!(observation instanceof Encodable e)) {
            throw new IllegalStateException(name + "." + call + " returned " + observation + ", not an RL4J Encodable");
        }
        double[] d = e.toArray();
        if (d.length != observationSpace.flatDim()) {
            throw new IllegalStateException(name + "." + call + " returned " + d.length
                    + " values, but its observation shape "
                    + Arrays.toString(shape) + " needs " + observationSpace.flatDim());
        }
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            f[i] = (float) d[i];
        }
        return f;
    }

    private static Map<String, Object> info(Object info) {
        if (info == null) {
            return Map.of();
        }
        if (info instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), v));
            return out;
        }
        return Map.of("rl4j_info", info);
    }

    @Override
    public void close() {
        if (guard.close()) {
            mdp.close();
        }
    }

    /** The MDP currently stepped. */
    public MDP<?, ?, ?> mdp() {
        return mdp;
    }

    @Override
    public String toString() {
        return "MdpEnv(" + name + ", obs=" + observationSpace + ", action=" + actionSpace + ")";
    }
}
