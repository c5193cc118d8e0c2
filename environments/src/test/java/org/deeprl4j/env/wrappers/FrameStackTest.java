package org.deeprl4j.env.wrappers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.deeprl4j.env.Env;
import org.deeprl4j.env.spaces.Box;
import org.deeprl4j.env.spaces.Discrete;
import org.junit.jupiter.api.Test;

class FrameStackTest {
    /** Bounds exclude 0 so that ZERO padding must be moved into them: its zero frame is [1, -1]. */
    private static final Box<float[]> OBS = Box.of(new float[] {1f, -10f}, new float[] {10f, -1f});

    private static ScriptedEnv<float[], Integer> scripted() {
        return new ScriptedEnv<>(OBS, new Discrete(2), List.of(
                new float[] {2f, -2f}, new float[] {3f, -3f}, new float[] {4f, -4f},
                new float[] {5f, -5f}, new float[] {6f, -6f}));
    }

    @Test
    void stacksOldestFirstWithResetPadding() {
        FrameStack<Integer> env = new FrameStack<>(scripted(), 3);
        assertEquals(Box.of(new float[] {1f, -10f, 1f, -10f, 1f, -10f}, new float[] {10f, -1f, 10f, -1f, 10f, -1f}, 3, 2),
                env.observationSpace());
        float[] first = env.reset(0).observation();
        assertArrayEquals(new float[] {2, -2, 2, -2, 2, -2}, first, 0f);
        assertArrayEquals(new float[] {2, -2, 2, -2, 3, -3}, env.step(0).observation(), 0f);
        assertArrayEquals(new float[] {2, -2, 3, -3, 4, -4}, env.step(1).observation(), 0f);
        float[] third = env.step(0).observation();
        assertArrayEquals(new float[] {3, -3, 4, -4, 5, -5}, third, 0f);
        third[0] = 99f; // returned arrays are independent of the buffer
        assertArrayEquals(new float[] {4, -4, 5, -5, 6, -6}, env.step(0).observation(), 0f);
        assertTrue(env.observationSpace().contains(first));
        // a new episode re-pads with its own first observation
        assertArrayEquals(new float[] {2, -2, 2, -2, 2, -2}, env.reset().observation(), 0f);
    }

    @Test
    void zeroPaddingIsZeroMovedIntoTheBounds() {
        FrameStack<Integer> env = new FrameStack<>(scripted(), 3, FrameStack.Padding.ZERO);
        assertArrayEquals(new float[] {1, -1, 1, -1, 2, -2}, env.reset(0).observation(), 0f);
        assertArrayEquals(new float[] {1, -1, 2, -2, 3, -3}, env.step(0).observation(), 0f);

        FrameStack<float[]> counter = new FrameStack<>(new CounterEnv(10, false), 2, FrameStack.Padding.ZERO);
        counter.reset(0);
        assertArrayEquals(new float[] {0, 0, 1, 0}, counter.step(new float[] {0f, 0f}).observation(), 0f);
    }

    @Test
    void stackOfOneIsTheObservationWithALeadingAxis() {
        FrameStack<Integer> env = new FrameStack<>(scripted(), 1);
        assertArrayEquals(new int[] {1, 2}, env.observationSpace().shape());
        assertArrayEquals(new float[] {2, -2}, env.reset(0).observation(), 0f);
        assertArrayEquals(new float[] {3, -3}, env.step(0).observation(), 0f);
    }

    @Test
    @SuppressWarnings("unchecked")
    void validatesItsInputs() {
        assertThrows(IllegalArgumentException.class, () -> new FrameStack<>(scripted(), 0));
        assertThrows(IllegalArgumentException.class, () -> new FrameStack<>(scripted(), 2, null));
        Env<?, ?> discrete = new ScriptedEnv<>(new Discrete(3), new Discrete(2), List.of(0, 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new FrameStack<>((Env<float[], Integer>) discrete, 4));
        assertTrue(e.getMessage().contains("Discrete(3)"), e.getMessage());
        Env<?, ?> float64 = new ScriptedEnv<>(Box.float64(new double[] {0}, new double[] {1}), new Discrete(2),
                List.of(new double[] {0.5}));
        assertThrows(IllegalArgumentException.class, () -> new FrameStack<>((Env<float[], Integer>) float64, 4));
    }
}
