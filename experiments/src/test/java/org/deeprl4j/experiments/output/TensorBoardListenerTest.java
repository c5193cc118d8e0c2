package org.deeprl4j.experiments.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.deeprl4j.agents.EpisodeRecord;
import org.deeprl4j.agents.EvalResult;
import org.deeprl4j.agents.TrainResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TensorBoardListenerTest {
    @TempDir
    Path dir;

    @Test
    void logsEpisodesMetricsSpsAndEvaluationsWithCleanRlTags() throws Exception {
        AtomicLong nanos = new AtomicLong();
        TensorBoardWriter writer = TensorBoardWriter.create(dir, () -> 10.0, "h");
        TensorBoardListener l = new TensorBoardListener(writer, 100, nanos::get);
        l.onEpisode(new EpisodeRecord(40, 0, 12.5, 40, 0.1));
        for (long step = 1; step <= 250; step++) {
            nanos.set(step * 1_000_000L); // 1 ms per step = 1000 SPS
            l.onStep(step, step >= 50 && step % 10 == 0 ? Map.of("losses/td_loss", (double) step) : Map.of());
        }
        l.onEvaluation(250, new EvalResult(new double[] {10, 30}, new int[] {10, 30}));
        l.onEnd(new TrainResult(250, 1, null, Double.NaN, false, 0.25));

        List<String> lines = EventFileReader.read(writer.file()).stream().skip(1)
                .map(e -> e.tag() + "@" + e.step() + "=" + e.value()).toList();
        assertEquals(List.of(
                "charts/episodic_return@40=12.5", "charts/episodic_length@40=40.0",
                "losses/td_loss@100=100.0", "charts/SPS@100=1000.0",
                "losses/td_loss@200=200.0", "charts/SPS@200=1000.0",
                "eval/mean_reward@250=20.0", "eval/mean_ep_length@250=20.0",
                "losses/td_loss@250=250.0", "charts/SPS@250=1000.0"), lines);
    }
}
