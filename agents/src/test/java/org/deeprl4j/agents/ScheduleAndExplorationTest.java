package org.deeprl4j.agents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deeprl4j.env.Rng;
import org.deeprl4j.env.spaces.Discrete;
import org.junit.jupiter.api.Test;

class ScheduleAndExplorationTest {
    @Test
    void linearScheduleMatchesSb3() {
        Schedule s = Schedule.linear(1.0, 0.05, 0.1);
        assertEquals(1.0, s.value(0), 1e-12);
        assertEquals(0.525, s.value(0.05), 1e-12);
        assertEquals(0.05, s.value(0.1), 1e-12);
        assertEquals(0.05, s.value(0.9), 1e-12);
    }

    @Test
    void epsilonGreedyExploresAtTheScheduledRate() {
        Policy alwaysOne = (obs, n, step, out) -> java.util.Arrays.fill(out, 0, n, 1f);
        EpsilonGreedy eg = new EpsilonGreedy(alwaysOne, Schedule.constant(0.5), 1000, new Discrete(2), new Rng(3));
        float[] out = new float[4];
        int zeros = 0;
        for (int i = 0; i < 5000; i++) {
            eg.act(new float[4], 4, i, out);
            for (float a : out) {
                zeros += a == 0f ? 1 : 0;
            }
        }
        // a random action is 0 half the time: expected share of zeros 0.5 * 0.5 = 0.25
        assertEquals(0.25, zeros / 20000.0, 0.02);
        assertEquals(0.5, eg.lastEpsilon());
        EpsilonGreedy greedy = new EpsilonGreedy(alwaysOne, Schedule.constant(0), 1000, new Discrete(2), new Rng(3));
        greedy.act(new float[4], 4, 0, out);
        assertTrue(out[0] == 1f && out[3] == 1f);
    }
}
