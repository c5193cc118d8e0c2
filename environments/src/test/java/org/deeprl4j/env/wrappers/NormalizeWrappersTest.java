package org.deeprl4j.env.wrappers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.deeprl4j.env.Env;
import org.deeprl4j.env.Step;
import org.deeprl4j.env.spaces.Box;
import org.deeprl4j.env.spaces.Discrete;
import org.junit.jupiter.api.Test;

class NormalizeWrappersTest {
    private static final float[] NOOP = {0f, 0f};

    @Test
    void normalizeObservationUsesStatisticsIncludingTheCurrentObservation() {
        CounterEnv raw = new CounterEnv(1000, true);
        NormalizeObservation<float[]> env = new NormalizeObservation<>(new CounterEnv(1000, true));
        assertEquals(Box.of(Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY, 2), env.observationSpace());
        RunningMeanStd ref = new RunningMeanStd(2);
        float[] x = raw.reset(7).observation();
        float[] y = env.reset(7).observation();
        for (int t = 0; t < 200; t++) {
            ref.update(x);
            for (int i = 0; i < 2; i++) {
                assertEquals((float) ((x[i] - ref.mean(i)) / Math.sqrt(ref.var(i) + 1e-8)), y[i], 0f);
            }
            x = raw.step(NOOP).observation();
            y = env.step(NOOP).observation();
        }
        ref.update(x);
        assertEquals(ref.state(), env.statistics().state());
    }

    @Test
    void normalizeObservationRestoresAndFreezesStatistics() {
        NormalizeObservation<float[]> a = new NormalizeObservation<>(new CounterEnv(1000, true));
        a.reset(1);
        for (int t = 0; t < 50; t++) {
            a.step(NOOP);
        }
        RunningMeanStd.State saved = a.statistics().state();
        NormalizeObservation<float[]> b = new NormalizeObservation<>(new CounterEnv(1000, true));
        b.statistics().setState(saved);
        assertArrayEquals(a.reset(2).observation(), b.reset(2).observation(), 0f);
        for (int t = 0; t < 30; t++) {
            assertArrayEquals(a.step(NOOP).observation(), b.step(NOOP).observation(), 0f);
        }
        assertEquals(a.statistics().state(), b.statistics().state());

        b.setUpdateStatistics(false);
        RunningMeanStd.State frozen = b.statistics().state();
        for (int t = 0; t < 30; t++) {
            float[] out = b.step(NOOP).observation();
            assertEquals(frozen, b.statistics().state());
            assertTrue(b.observationSpace().contains(out));
        }
        b.setUpdateStatistics(true);
        b.step(NOOP);
        assertNotEquals(frozen, b.statistics().state());
    }

    @Test
    void normalizeRewardScalesByTheDiscountedReturnsStd() {
        NormalizeReward<float[], float[]> env = new NormalizeReward<>(new CounterEnv(3, false), 0.5, 1e-8);
        RunningMeanStd ref = new RunningMeanStd(1);
        env.reset(0);
        double[] expectedReturns = {1.0, 2.5, 4.25};
        for (int t = 0; t < 3; t++) {
            Step<float[]> s = env.step(NOOP);
            ref.update(expectedReturns[t]);
            assertEquals((t + 1) / Math.sqrt(ref.var(0) + 1e-8), s.reward(), 1e-12);
            if (t < 2) {
                assertEquals(expectedReturns[t], env.discountedReturn(), 1e-12);
            } else {
                assertTrue(s.terminated());
                assertEquals(0.0, env.discountedReturn()); // reset after the terminal step
            }
        }
        env.reset();
        env.step(NOOP);
        assertEquals(1.0, env.discountedReturn(), 1e-12); // not 0.5 * 4.25 + 1
        assertEquals(ref.count() + 1, env.statistics().count(), 1e-12);
    }

    @Test
    void normalizeRewardResetsTheReturnOnTruncation() {
        NormalizeReward<float[], float[]> env =
                new NormalizeReward<>(new TimeLimit<>(new CounterEnv(100, false), 2), 0.9, 1e-8);
        env.reset(0);
        env.step(NOOP);
        assertEquals(1.0, env.discountedReturn(), 1e-12);
        Step<float[]> s = env.step(NOOP);
        assertTrue(s.truncated());
        assertEquals(0.0, env.discountedReturn());
    }

    @Test
    void normalizeRewardRestoresExactlyMidEpisodeAndFreezes() {
        NormalizeReward<float[], float[]> a = new NormalizeReward<>(new CounterEnv(1000, true));
        a.reset(3);
        for (int t = 0; t < 40; t++) {
            a.step(NOOP);
        }
        NormalizeReward<float[], float[]> b = new NormalizeReward<>(new CounterEnv(1000, true));
        b.setUpdateStatistics(false);
        b.reset(3);
        RunningMeanStd.State fresh = b.statistics().state();
        for (int t = 0; t < 40; t++) {
            b.step(NOOP); // brings the inner env to the same point; statistics stay frozen
        }
        assertEquals(fresh, b.statistics().state());
        b.statistics().setState(a.statistics().state());
        b.setDiscountedReturn(a.discountedReturn());
        b.setUpdateStatistics(true);
        for (int t = 0; t < 40; t++) {
            assertEquals(a.step(NOOP).reward(), b.step(NOOP).reward(), 0.0);
        }
        assertEquals(a.statistics().state(), b.statistics().state());
        assertEquals(a.discountedReturn(), b.discountedReturn(), 0.0);
    }

    @Test
    @SuppressWarnings("unchecked")
    void validatesSpacesAndParameters() {
        Env<?, ?> discrete = new ScriptedEnv<>(new Discrete(3), new Discrete(2), List.of(0, 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new NormalizeObservation<>((Env<float[], Integer>) discrete));
        assertTrue(e.getMessage().contains("Discrete(3)"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new NormalizeObservation<>(new CounterEnv(1, false), -1));
        assertThrows(IllegalArgumentException.class, () -> new NormalizeReward<>(new CounterEnv(1, false), 1.5, 1e-8));
        assertThrows(IllegalArgumentException.class, () -> new NormalizeReward<>(new CounterEnv(1, false), 0.9, Double.NaN));
        assertThrows(IllegalArgumentException.class,
                () -> new NormalizeReward<>(new CounterEnv(1, false)).setDiscountedReturn(Double.NaN));
    }
}
