package org.deeprl4j.env.testing;

import static org.deeprl4j.env.testing.GridWorld.DOWN;
import static org.deeprl4j.env.testing.GridWorld.LEFT;
import static org.deeprl4j.env.testing.GridWorld.RIGHT;
import static org.deeprl4j.env.testing.GridWorld.UP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.deeprl4j.env.Kwargs;
import org.deeprl4j.env.Rng;
import org.deeprl4j.env.Step;
import org.deeprl4j.env.spaces.Discrete;
import org.junit.jupiter.api.Test;

class GridWorldTest {

    private static GridWorld make(int rows, int cols) {
        return new GridWorld(new Kwargs("GridWorld-v0", Map.of("rows", rows, "cols", cols)));
    }

    @Test
    void spacesAndStart() {
        GridWorld env = new GridWorld();
        assertEquals(new Discrete(16), env.observationSpace());
        assertEquals(new Discrete(4), env.actionSpace());
        assertEquals(0, env.reset(1).observation());
        assertEquals(15, env.goal());
    }

    @Test
    void movesFollowRowMajorCellIndices() {
        GridWorld env = make(3, 4);
        env.reset(0);
        assertEquals(1, env.step(RIGHT).observation());
        assertEquals(5, env.step(DOWN).observation());
        assertEquals(4, env.step(LEFT).observation());
        assertEquals(0, env.step(UP).observation());
    }

    @Test
    void bordersAreWalls() {
        GridWorld env = make(2, 2);
        env.reset(0);
        Step<Integer> up = env.step(UP);
        assertEquals(0, up.observation());
        assertEquals(-1.0, up.reward());
        assertEquals(0, env.step(LEFT).observation());
        assertEquals(1, env.step(RIGHT).observation());
        assertEquals(1, env.step(RIGHT).observation());
        assertEquals(1, env.step(UP).observation());
    }

    @Test
    void shortestPathEarnsTheOptimalReturnAndTerminates() {
        GridWorld env = new GridWorld();
        env.reset(0);
        int[] path = {RIGHT, RIGHT, RIGHT, DOWN, DOWN, DOWN};
        double ret = 0;
        for (int i = 0; i < path.length; i++) {
            Step<Integer> s = env.step(path[i]);
            boolean last = i == path.length - 1;
            assertEquals(last ? 0.0 : -1.0, s.reward());
            assertEquals(last, s.terminated());
            assertFalse(s.truncated());
            ret += s.reward();
        }
        assertEquals(-5.0, ret);
        assertEquals(env.optimalReturn(), ret);
        assertThrows(IllegalStateException.class, () -> env.step(UP));
    }

    @Test
    void optimalReturnOfOtherShapes() {
        assertEquals(-4.0, make(2, 5).optimalReturn());
        assertEquals(-1.0, make(2, 2).optimalReturn());
        assertEquals(-(1 + 0.9 + 0.81 + 0.729 + 0.6561), new GridWorld().optimalReturn(0.9), 1e-12);
        assertEquals(-1.0, new GridWorld().optimalReturn(0.0));
        assertThrows(IllegalArgumentException.class, () -> new GridWorld().optimalReturn(1.5));
        GridWorld g = make(3, 5);
        assertEquals(6, g.distanceToGoal(0));
        assertEquals(0, g.distanceToGoal(14));
        assertEquals(5, g.distanceToGoal(5)); // row 1, col 0: 1 down + 4 right
        assertThrows(IllegalArgumentException.class, () -> g.distanceToGoal(15));
    }

    @Test
    void randomEpisodesNeverBeatTheOptimumAndResetIgnoresTheSeed() {
        GridWorld env = make(3, 3);
        Rng rng = new Rng(5);
        for (int episode = 0; episode < 200; episode++) {
            assertEquals(0, env.reset(episode).observation());
            double ret = 0;
            int steps = 0;
            Step<Integer> s;
            do {
                s = env.step(rng.nextInt(4));
                ret += s.reward();
                steps++;
            } while (!s.terminated());
            assertEquals(env.goal(), s.observation());
            assertEquals(-(steps - 1), ret);
            assertTrue(ret <= env.optimalReturn());
        }
    }

    @Test
    void validatesKwargs() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> make(1, 4)).getMessage()
                .contains("rows must be >= 2, got 1"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> make(4, 0)).getMessage()
                .contains("cols must be >= 2, got 0"));
        assertThrows(IllegalArgumentException.class, () -> make(100_000, 100_000));
        assertThrows(IllegalArgumentException.class,
                () -> new GridWorld(new Kwargs("GridWorld-v0", Map.of("width", 3))));
    }
}
