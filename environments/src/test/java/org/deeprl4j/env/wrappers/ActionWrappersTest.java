package org.deeprl4j.env.wrappers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.deeprl4j.env.Env;
import org.deeprl4j.env.InvalidActionException;
import org.deeprl4j.env.spaces.Box;
import org.deeprl4j.env.spaces.Discrete;
import org.junit.jupiter.api.Test;

class ActionWrappersTest {

    /** What the inner CounterEnv receives for {@code action} sent through {@code wrapper}. */
    private static float[] received(Env<float[], float[]> wrapper, CounterEnv inner, float... action) {
        wrapper.step(action);
        return inner.lastAction;
    }

    @SuppressWarnings("unchecked")
    private static Env<Integer, float[]> discreteActions() {
        Env<?, ?> env = new ScriptedEnv<>(new Discrete(3), new Discrete(2), List.of(0, 1, 2));
        return (Env<Integer, float[]>) env; // as a raw-typed caller could pass it
    }

    @Test
    void clipActionClipsToInnerBoundsAndWidensTheSpace() {
        CounterEnv inner = new CounterEnv(100, false);
        ClipAction<float[]> env = new ClipAction<>(inner);
        assertEquals(Box.of(Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY, 2), env.actionSpace());
        env.reset(0);
        assertArrayEquals(new float[] {1f, 0f}, received(env, inner, 5f, -3f), 0f);
        assertArrayEquals(new float[] {-1f, 4f}, received(env, inner, Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY), 0f);
        assertArrayEquals(new float[] {-1f, 4f}, received(env, inner, -1f, 4f), 0f);
        assertArrayEquals(new float[] {0.25f, 2.5f}, received(env, inner, 0.25f, 2.5f), 0f);
        assertThrows(InvalidActionException.class, () -> env.step(new float[] {Float.NaN, 0f}));
        assertThrows(InvalidActionException.class, () -> env.step(new float[] {0f}));
    }

    @Test
    void rescaleActionMapsScalarBoundsAffinely() {
        CounterEnv inner = new CounterEnv(100, false);
        RescaleAction<float[]> env = new RescaleAction<>(inner, -1f, 1f);
        assertEquals(Box.of(-1f, 1f, 2), env.actionSpace());
        env.reset(0);
        assertArrayEquals(new float[] {-1f, 0f}, received(env, inner, -1f, -1f), 0f);
        assertArrayEquals(new float[] {1f, 4f}, received(env, inner, 1f, 1f), 0f);
        assertArrayEquals(new float[] {0f, 2f}, received(env, inner, 0f, 0f), 1e-6f);
        assertArrayEquals(new float[] {0.5f, 1f}, received(env, inner, 0.5f, -0.5f), 1e-6f);
        assertThrows(InvalidActionException.class, () -> env.step(new float[] {1.5f, 0f}));
    }

    @Test
    void rescaleActionMapsPerDimensionBounds() {
        CounterEnv inner = new CounterEnv(100, false);
        RescaleAction<float[]> env = new RescaleAction<>(inner, new float[] {0f, 10f}, new float[] {2f, 20f});
        assertEquals(Box.of(new float[] {0f, 10f}, new float[] {2f, 20f}), env.actionSpace());
        env.reset(0);
        assertArrayEquals(new float[] {-1f, 0f}, received(env, inner, 0f, 10f), 0f);
        assertArrayEquals(new float[] {1f, 4f}, received(env, inner, 2f, 20f), 0f);
        assertArrayEquals(new float[] {0f, 2f}, received(env, inner, 1f, 15f), 1e-6f);
        assertArrayEquals(new float[] {-0.5f, 3.2f}, received(env, inner, 0.5f, 18f), 1e-6f);
    }

    @Test
    void rescaleActionValidatesItsInputs() {
        Env<float[], float[]> unbounded = new ScriptedEnv<>(CounterEnv.OBS,
                Box.of(Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY, 2), List.of(new float[] {0f, 0f}));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RescaleAction<>(unbounded, -1f, 1f));
        assertTrue(e.getMessage().contains("bounded") && e.getMessage().contains("Box(-inf, inf"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new RescaleAction<>(new CounterEnv(5, false), 1f, 1f));
        assertThrows(IllegalArgumentException.class, () -> new RescaleAction<>(new CounterEnv(5, false), 1f, -1f));
        assertThrows(IllegalArgumentException.class,
                () -> new RescaleAction<>(new CounterEnv(5, false), new float[] {-1f}, new float[] {1f}));
        assertThrows(IllegalArgumentException.class,
                () -> new RescaleAction<>(new CounterEnv(5, false), Float.NEGATIVE_INFINITY, 1f));
    }

    @Test
    void wrongActionSpaceIsNamedInTheError() {
        IllegalArgumentException clip = assertThrows(IllegalArgumentException.class, () -> new ClipAction<>(discreteActions()));
        assertTrue(clip.getMessage().contains("Discrete(2)"), clip.getMessage());
        IllegalArgumentException rescale = assertThrows(IllegalArgumentException.class,
                () -> new RescaleAction<>(discreteActions(), -1f, 1f));
        assertTrue(rescale.getMessage().contains("Discrete(2)"), rescale.getMessage());
    }
}
