package org.deeprl4j.env.wrappers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.deeprl4j.env.Env;
import org.deeprl4j.env.InvalidActionException;
import org.deeprl4j.env.Step;
import org.deeprl4j.env.spaces.Box;
import org.deeprl4j.env.spaces.Discrete;
import org.deeprl4j.env.spaces.Space;
import org.junit.jupiter.api.Test;

class WrapperBasesTest {
    private static final float[] NOOP = {0f, 0f};

    /** Maps Discrete(3) actions to the CounterEnv's first action component. */
    private static final class DiscreteToBox extends ActionWrapper<float[], Integer, float[]> {
        DiscreteToBox(Env<float[], float[]> env) {
            super(env);
        }

        @Override
        public Space<Integer> actionSpace() {
            return new Discrete(3);
        }

        @Override
        protected float[] action(Integer action) {
            return new float[] {action - 1f, 0f};
        }
    }

    @Test
    void transformObservationChangesTypeAndSpaceOnResetAndStep() {
        CounterEnv inner = new CounterEnv(2, false);
        Discrete steps = new Discrete(1001);
        TransformObservation<Integer, float[], float[]> env =
                new TransformObservation<>(inner, obs -> (int) obs[0], steps);
        assertSame(steps, env.observationSpace());
        assertSame(CounterEnv.ACT, env.actionSpace());
        assertEquals(0, env.reset(0).observation());
        Step<Integer> s = env.step(NOOP);
        assertEquals(1, s.observation());
        assertEquals(1.0, s.reward());
        s = env.step(NOOP);
        assertEquals(2, s.observation());
        assertEquals(true, s.terminated());
        assertSame(inner, env.unwrapped());
    }

    @Test
    void transformRewardAppliesTheFunction() {
        TransformReward<float[], float[]> env = new TransformReward<>(new CounterEnv(5, false), r -> -2 * r);
        env.reset(0);
        assertEquals(-2.0, env.step(NOOP).reward());
        assertEquals(-4.0, env.step(NOOP).reward());
        assertThrows(IllegalArgumentException.class, () -> new TransformReward<>(new CounterEnv(5, false), null));
    }

    @Test
    void actionWrapperMapsAndChecksActions() {
        CounterEnv inner = new CounterEnv(5, false);
        DiscreteToBox env = new DiscreteToBox(inner);
        env.reset(0);
        env.step(2);
        assertArrayEquals(new float[] {1f, 0f}, inner.lastAction, 0f);
        env.step(0);
        assertArrayEquals(new float[] {-1f, 0f}, inner.lastAction, 0f);
        assertThrows(InvalidActionException.class, () -> env.step(3));
    }

    @Test
    void resetSeedIsForwardedThroughWrappers() {
        Env<float[], float[]> env = new ClipAction<>(new FrameStack<>(
                new TransformObservation<>(new CounterEnv(100, true), obs -> obs.clone(), CounterEnv.OBS), 2));
        float[] a = env.reset(11).observation();
        float[] a1 = env.step(NOOP).observation();
        float[] b = env.reset(11).observation();
        float[] b1 = env.step(NOOP).observation();
        float[] c = env.reset(12).observation();
        assertArrayEquals(a, b, 0f);
        assertArrayEquals(a1, b1, 0f);
        assertFalse(a[1] == c[1]);
    }

    @Test
    void closeIsIdempotentAndForwardedOnce() {
        CounterEnv c1 = new CounterEnv(5, false);
        Env<?, ?> obsWrapper = new NormalizeObservation<>(c1);
        obsWrapper.close();
        obsWrapper.close();
        assertEquals(1, c1.closes);

        CounterEnv c2 = new CounterEnv(5, false);
        Env<?, ?> actWrapper = new RescaleAction<>(c2, -1f, 1f);
        actWrapper.close();
        actWrapper.close();
        assertEquals(1, c2.closes);

        CounterEnv c3 = new CounterEnv(5, false);
        Env<float[], float[]> stack = new RecordEpisodeStatistics<>(new NormalizeReward<>(new ClipAction<>(c3)));
        stack.close();
        stack.close();
        assertEquals(1, c3.closes);
        assertThrows(IllegalStateException.class, stack::reset);
    }

    @Test
    void nullEnvironmentsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new DiscreteToBox(null));
        assertThrows(IllegalArgumentException.class,
                () -> new TransformObservation<Integer, float[], float[]>(null, obs -> 0, new Discrete(1)));
        assertThrows(IllegalArgumentException.class,
                () -> new TransformObservation<>(new CounterEnv(1, false), obs -> 0, (Space<Integer>) null));
        assertThrows(IllegalArgumentException.class, () -> new FlattenObservation<float[], float[]>(null));
        assertThrows(IllegalArgumentException.class, () -> new RescaleAction<float[]>(null, -1f, 1f));
        assertEquals(Box.of(-1f, 1f, 2), new RescaleAction<>(new CounterEnv(1, false), -1f, 1f).actionSpace());
    }
}
