package org.deeprl4j.env.wrappers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.deeprl4j.env.Env;
import org.deeprl4j.env.Step;
import org.junit.jupiter.api.Test;

class RecordEpisodeStatisticsTest {
    private static final float[] NOOP = {0f, 0f};
    private final AtomicLong nanos = new AtomicLong(5_000_000_000L);

    /** Runs one episode to its end and returns the last step. */
    private static Step<float[]> runEpisode(Env<float[], float[]> env) {
        env.reset();
        Step<float[]> s;
        do {
            s = env.step(NOOP);
        } while (!s.done());
        return s;
    }

    @Test
    void reportsReturnLengthAndTimeOnTheTerminalStepOnly() {
        RecordEpisodeStatistics<float[], float[]> env =
                new RecordEpisodeStatistics<>(new CounterEnv(3, false), 100, nanos::get);
        env.reset(1);
        assertFalse(env.step(NOOP).info().containsKey("episode"));
        assertFalse(env.step(NOOP).info().containsKey("episode"));
        assertEquals(3.0, env.episodeReturn());
        nanos.addAndGet(1_234_567_891L);
        Step<float[]> last = env.step(NOOP);
        assertTrue(last.terminated());
        assertEquals(Map.of("r", 6.0, "l", 3, "t", 1.234568), last.info().get("episode"));
        assertEquals(3.0, last.reward()); // the reward itself is unchanged
        assertEquals(List.of(6.0), env.returnQueue());
        assertEquals(List.of(3), env.lengthQueue());
        assertEquals(List.of(1.234568), env.timeQueue());
        assertEquals(1, env.episodeCount());
        assertEquals(3, env.totalSteps());
    }

    @Test
    void truncatedEpisodesAreReportedToo() {
        RecordEpisodeStatistics<float[], float[]> env =
                new RecordEpisodeStatistics<>(new TimeLimit<>(new CounterEnv(100, false), 2), 100, nanos::get);
        Step<float[]> last = runEpisode(env);
        assertTrue(last.truncated());
        assertFalse(last.terminated());
        assertEquals(Map.of("r", 3.0, "l", 2, "t", 0.0), last.info().get("episode"));
    }

    @Test
    void queuesKeepTheMostRecentEpisodesAndResetRestartsCounting() {
        RecordEpisodeStatistics<float[], float[]> env =
                new RecordEpisodeStatistics<>(new CounterEnv(2, false), 2, nanos::get);
        env.reset(0);
        env.step(NOOP); // abandoned episode: a reset discards its partial return
        runEpisode(env);
        nanos.addAndGet(500_000L);
        runEpisode(env);
        nanos.addAndGet(500_000L);
        runEpisode(env);
        assertEquals(List.of(3.0, 3.0), env.returnQueue());
        assertEquals(List.of(2, 2), env.lengthQueue());
        assertEquals(List.of(0.0005, 0.001), env.timeQueue());
        assertEquals(3, env.episodeCount());
        assertEquals(7, env.totalSteps());
    }

    @Test
    void keepsOtherInfoAndRefusesToOverwriteEpisodeKey() {
        Env<float[], float[]> withInfo = new Wrapper<>(new CounterEnv(1, false)) {
            @Override
            public Step<float[]> step(float[] action) {
                Step<float[]> s = env.step(action);
                Map<String, Object> info = new LinkedHashMap<>(s.info());
                info.put("x", 42);
                return new Step<>(s.observation(), s.reward(), s.terminated(), s.truncated(), info);
            }
        };
        Step<float[]> last = runEpisode(new RecordEpisodeStatistics<>(withInfo, 10, nanos::get));
        assertEquals(42, last.info().get("x"));
        assertTrue(last.info().containsKey("episode"));

        Env<float[], float[]> twice = new RecordEpisodeStatistics<>(
                new RecordEpisodeStatistics<>(new CounterEnv(1, false)), 10, nanos::get);
        twice.reset(0);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> twice.step(NOOP));
        assertTrue(e.getMessage().contains("episode"), e.getMessage());
    }

    @Test
    void rejectsBadArguments() {
        assertThrows(IllegalArgumentException.class,
                () -> new RecordEpisodeStatistics<>(new CounterEnv(1, false), 0, nanos::get));
        assertThrows(IllegalArgumentException.class,
                () -> new RecordEpisodeStatistics<>(new CounterEnv(1, false), 10, null));
        assertThrows(IllegalArgumentException.class, () -> new RecordEpisodeStatistics<float[], float[]>(null));
    }
}
