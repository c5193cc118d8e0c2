package org.deeprl4j.experiments.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.deeprl4j.agents.EpisodeRecord;
import org.junit.jupiter.api.Test;

class TimeToThresholdTest {
    private static EpisodeRecord episode(long step, double ret) {
        return new EpisodeRecord(step, 0, ret, (int) ret, step / 100.0);
    }

    @Test
    void recordsTheFirstFullWindowAtTheThreshold() {
        TimeToThreshold t = new TimeToThreshold(10, 3, false);
        t.onEpisode(episode(100, 20));
        t.onEpisode(episode(200, 20));
        assertFalse(t.reached(), "a window needs 3 episodes");
        assertEquals(20, t.movingAverage());
        t.onEpisode(episode(300, 0)); // average 13.3
        assertTrue(t.reached());
        assertEquals(300, t.step());
        assertEquals(3.0, t.seconds());
        t.onEpisode(episode(400, 50));
        t.onStep(450, Map.of());
        assertEquals(300, t.step(), "the first time counts");
        assertEquals(450, t.lastStep());
        assertEquals(4, t.episodes());
        assertEquals(70.0 / 3, t.movingAverage(), 1e-12, "last three: 20, 0, 50");
    }

    @Test
    void slidingWindowDropsOldEpisodes() {
        TimeToThreshold t = new TimeToThreshold(10, 2, false);
        t.onEpisode(episode(1, 0));
        t.onEpisode(episode(2, 0));
        t.onEpisode(episode(3, 19));
        assertFalse(t.reached(), "average of the last two is 9.5");
        t.onEpisode(episode(4, 1));
        assertTrue(t.reached());
        assertEquals(4, t.step());
    }

    @Test
    void stopsTheRunByThrowingWhenAsked() {
        TimeToThreshold t = new TimeToThreshold(5, 1, true);
        t.onEpisode(episode(1, 4));
        TimeToThreshold.ThresholdReached e = assertThrows(TimeToThreshold.ThresholdReached.class, () -> t.onEpisode(episode(2, 6)));
        assertTrue(e.getMessage().contains("at step 2"), e.getMessage());
        assertEquals(0, e.getStackTrace().length, "control flow: no stack trace");
        assertTrue(t.reached());
        assertTrue(Double.isNaN(new TimeToThreshold(1, 1, false).seconds()));
    }

    @Test
    void badSettingsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new TimeToThreshold(1, 0, false));
        assertThrows(IllegalArgumentException.class, () -> new TimeToThreshold(Double.NaN, 20, false));
    }
}
