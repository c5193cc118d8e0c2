package org.deeprl4j.env.vector;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.deeprl4j.env.BaseEnv;
import org.deeprl4j.env.Env;
import org.deeprl4j.env.Reset;
import org.deeprl4j.env.Step;
import org.deeprl4j.env.spaces.Box;
import org.deeprl4j.env.spaces.Discrete;
import org.deeprl4j.env.spaces.Space;
import org.deeprl4j.env.wrappers.TimeLimit;

/**
 * Deterministic test env: observation {@code [count, noise]}. Every action adds the sum of its
 * flattened values to {@code count}; {@code noise} is drawn from the env's generator at reset and
 * at every step (so seeds matter). Reward = increment + noise. Terminates when
 * {@code count >= target}. Reset info: {@code {"resets": n}}; step info is empty.
 */
final class CounterEnv<A> extends BaseEnv<float[], A> {
    static final Box<float[]> OBS = Box.of(Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY, 2);

    private final Space<A> actionSpace;
    private final float target;
    private float count;
    private int resets;
    boolean closed;

    CounterEnv(Space<A> actionSpace, float target) {
        this.actionSpace = actionSpace;
        this.target = target;
    }

    /** Discrete(3) actions, terminating at {@code target}. */
    static CounterEnv<Integer> discrete(float target) {
        return new CounterEnv<>(new Discrete(3), target);
    }

    /** Factories of Discrete(3) counters, each terminating at its target. */
    static List<Supplier<Env<?, ?>>> discreteFactories(float... targets) {
        List<Supplier<Env<?, ?>>> list = new ArrayList<>();
        for (float t : targets) {
            list.add(() -> discrete(t));
        }
        return list;
    }

    /** {@code n} Discrete(3) counters terminating at {@code target} with a time limit. */
    static List<Supplier<Env<?, ?>>> limited(int n, float target, int maxSteps) {
        List<Supplier<Env<?, ?>>> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(() -> new TimeLimit<>(discrete(target), maxSteps));
        }
        return list;
    }

    @Override
    public Space<float[]> observationSpace() {
        return OBS;
    }

    @Override
    public Space<A> actionSpace() {
        return actionSpace;
    }

    @Override
    protected Reset<float[]> doReset() {
        count = 0;
        resets++;
        return new Reset<>(new float[] {count, rng.nextFloat()}, Map.of("resets", resets));
    }

    @Override
    protected Step<float[]> doStep(A action) {
        float inc = 0;
        for (float v : actionSpace.flatten(action)) {
            inc += v;
        }
        count += inc;
        float noise = rng.nextFloat();
        return Step.of(new float[] {count, noise}, inc + noise, count >= target, false);
    }

    @Override
    protected void onClose() {
        closed = true;
    }
}
