package org.deeprl4j.rl4j;

import java.util.Objects;
import java.util.function.Supplier;
import org.deeplearning4j.gym.StepReply;
import org.deeplearning4j.rl4j.mdp.MDP;
import org.deeplearning4j.rl4j.space.Box;
import org.deeplearning4j.rl4j.space.DiscreteSpace;
import org.deeplearning4j.rl4j.space.ObservationSpace;
import org.deeprl4j.env.Env;
import org.deeprl4j.env.Envs;
import org.deeprl4j.env.Reset;
import org.deeprl4j.env.Rng;
import org.deeprl4j.env.Step;
import org.deeprl4j.env.spaces.Discrete;
import org.deeprl4j.env.spaces.Space;
import org.deeprl4j.env.wrappers.Flattening;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A deeprl4j {@link Env} seen as an RL4J {@link MDP}, so RL4J learners (e.g.
 * {@code QLearningDiscreteDense}) train on deeprl4j environments.
 *
 * <ul>
 *   <li>Observations become RL4J {@link Box}es of doubles: a deeprl4j {@code Box} keeps its shape
 *       and bounds; any other observation space (Discrete, MultiDiscrete, MultiBinary, Dict) is
 *       flattened the way networks see it ({@link Flattening}: one-hot parts), shape
 *       {@code [flatDim]}.</li>
 *   <li>Actions: the env's action space must be {@link Discrete}; RL4J action {@code a} in
 *       {@code 0..n-1} is deeprl4j action {@code start + a}. Any other action space is rejected
 *       with an {@link IllegalArgumentException} naming it.</li>
 *   <li>{@code done = terminated || truncated}: RL4J knows only {@code done}, so a time-limit
 *       truncation looks terminal to RL4J learners (they do not bootstrap through it). To keep
 *       bootstrapping, give RL4J the env without its {@code TimeLimit} ({@link Env#unwrapped()})
 *       and set the learner's {@code maxEpochStep} to the limit instead: RL4J bootstraps through
 *       episodes cut by {@code maxEpochStep}.</li>
 *   <li>Seeding: RL4J's {@code reset()} takes no seed, so the first {@link #reset()} resets the env
 *       with the seed given here and later resets continue the env's generator. The action space's
 *       {@code randomAction()} uses an ND4J generator seeded from the same seed.
 *       {@link #newInstance()} makes a fresh env from the factory with the next seed of a
 *       generator derived from this seed.</li>
 * </ul>
 */
public final class EnvMdp implements MDP<Box, Integer, DiscreteSpace> {
    private final Supplier<? extends Env<?, ?>> factory;
    private final Env<Object, Object> env;
    private final long seed;
    private final Rng seeds;
    private final Space<Object> obsSpace;
    private final Discrete actions;
    private final int[] obsShape;
    private final boolean flatten;
    private final BoxObservationSpace rl4jObsSpace;
    private final DiscreteSpace rl4jActionSpace;
    private boolean seeded;
    private boolean done;

    @SuppressWarnings("unchecked")
    private EnvMdp(Supplier<? extends Env<?, ?>> factory, long seed) {
        this.factory = Objects.requireNonNull(factory, "factory");
        this.env = (Env<Object, Object>) Objects.requireNonNull(factory.get(), "the env factory returned null");
        try {
            this.actions = requireDiscrete(env);
        } catch (IllegalArgumentException e) {
            env.close();
            throw e;
        }
        this.seed = seed;
        this.seeds = new Rng(seed);
        this.obsSpace = env.observationSpace();
        this.flatten = !(obsSpace instanceof org.deeprl4j.env.spaces.Box<?>);
        if (flatten) {
            org.deeprl4j.env.spaces.Box<float[]> flat = Flattening.flattenSpace(obsSpace);
            this.obsShape = flat.shape();
            this.rl4jObsSpace = new BoxObservationSpace(obsSpace.toString(), obsShape, flat.low(), flat.high());
        } else {
            org.deeprl4j.env.spaces.Box<?> box = (org.deeprl4j.env.spaces.Box<?>) obsSpace;
            this.obsShape = box.shape();
            this.rl4jObsSpace = new BoxObservationSpace(box.toString(), obsShape, box.low(), box.high());
        }
        this.rl4jActionSpace = new DiscreteSpace(actions.n(),
                Nd4j.getRandomFactory().getNewRandomInstance(seeds.nextLong()));
    }

    /**
     * An MDP over {@code factory.get()}; the first reset uses {@code seed}.
     *
     * @throws IllegalArgumentException when the env's action space is not Discrete (naming it)
     */
    public static EnvMdp of(Supplier<? extends Env<?, ?>> factory, long seed) {
        return new EnvMdp(factory, seed);
    }

    /** An MDP over the registered env {@code envId} (with its registry wrappers, e.g. TimeLimit). */
    public static EnvMdp of(String envId, long seed) {
        Envs.validate(envId);
        return new EnvMdp(() -> Envs.make(envId), seed);
    }

    private static Discrete requireDiscrete(Env<?, ?> env) {
        if (env.actionSpace() instanceof Discrete d) {
            return d;
        }
        throw new IllegalArgumentException("an RL4J MDP needs a Discrete action space (RL4J's DiscreteSpace), but "
                + env + " has action space " + env.actionSpace()
                + "; RL4J has no continuous or multi-discrete actions");
    }

    /** The wrapped deeprl4j env. */
    public Env<?, ?> env() {
        return env;
    }

    @Override
    public ObservationSpace<Box> getObservationSpace() {
        return rl4jObsSpace;
    }

    @Override
    public DiscreteSpace getActionSpace() {
        return rl4jActionSpace;
    }

    @Override
    public Box reset() {
        Reset<Object> r;
        if (seeded) {
            r = env.reset();
        } else {
            r = env.reset(seed);
            seeded = true;
        }
        done = false;
        return toBox(r.observation());
    }

    @Override
    public StepReply<Box> step(Integer action) {
        if (action == null || action < 0 || action >= actions.n()) {
            throw new IllegalArgumentException("action " + action + " is not in RL4J's DiscreteSpace(" + actions.n()
                    + ") of " + env);
        }
        Step<Object> s = env.step(actions.start() + action);
        done = s.done(); // RL4J has only done: truncation (time limit) is folded in
        return new StepReply<>(toBox(s.observation()), s.reward(), done, s.info());
    }

    @Override
    public boolean isDone() {
        return done;
    }

    @Override
    public void close() {
        env.close();
    }

    /** A fresh env from the factory, seeded with the next seed derived from this MDP's seed. */
    @Override
    public EnvMdp newInstance() {
        return new EnvMdp(factory, seeds.nextLong());
    }

    private Box toBox(Object observation) {
        double[] data;
        if (flatten) {
            float[] f = Flattening.flatten(obsSpace, observation);
            data = new double[f.length];
            for (int i = 0; i < f.length; i++) {
                data[i] = f[i];
            }
        } else if (observation instanceof float[] f) {
            data = new double[f.length];
            for (int i = 0; i < f.length; i++) {
                data[i] = f[i];
            }
        } else if (observation instanceof double[] d) {
            data = d.clone();
        } else {
            throw new IllegalStateException(env + " returned observation " + observation + " for Box space " + obsSpace);
        }
        return new Box(obsShape, data); // [obsShape...]
    }

    @Override
    public String toString() {
        return "EnvMdp(" + env + ")";
    }
}
