package org.deeprl4j.experiments.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.deeprl4j.agents.EpisodeRecord;
import org.deeprl4j.agents.EvalResult;
import org.deeprl4j.agents.TrainResult;
import org.deeprl4j.experiments.EpisodeCsv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunHistoryTest {
    @TempDir
    Path dir;

    @Test
    void readsEpisodesEvaluationsAndMetricsWrittenByTheRunWriters() {
        EpisodeCsv episodes = EpisodeCsv.episodes(dir.resolve(RunHistory.EPISODES_CSV));
        ProgressCsv progress = new ProgressCsv(dir.resolve(ProgressCsv.FILE), 10);
        EvaluationsCsv evals = new EvaluationsCsv(dir.resolve(EvaluationsCsv.FILE));
        EpisodeRecord e1 = new EpisodeRecord(7, 1, 9.5, 7, 0.1);
        episodes.onEpisode(e1);
        progress.onEpisode(e1);
        progress.onStep(10, Map.of("losses/td_loss", 0.75));
        progress.onStep(20, Map.of());
        evals.onEvaluation(20, new EvalResult(new double[] {4, 6}, new int[] {4, 6}));
        TrainResult end = new TrainResult(20, 1, null, 5, false, 1);
        episodes.onEnd(end);
        progress.onEnd(end);

        RunHistory h = RunHistory.read(dir);
        assertEquals(1, h.episodes().size());
        EpisodeRecord r = h.episodes().get(0);
        assertEquals(List.of(7L, 1, 9.5, 7), List.of(r.step(), r.env(), r.episodeReturn(), r.length()));
        assertEquals(List.of(new RunHistory.EvalPoint(20, 5, 1, 2)), h.evaluations());
        assertEquals(List.of(new RunHistory.MetricPoint(10, 0.75)), h.metrics().get("losses/td_loss"));
        assertEquals(List.of(new RunHistory.MetricPoint(10, 9.5), new RunHistory.MetricPoint(20, 9.5)),
                h.metrics().get("charts/episodic_return"));
        assertTrue(h.metrics().keySet().stream().noneMatch(k -> k.startsWith("time/")));
    }

    @Test
    void emptyFolderGivesAnEmptyHistory() {
        RunHistory h = RunHistory.read(dir);
        assertTrue(h.episodes().isEmpty() && h.evaluations().isEmpty() && h.metrics().isEmpty());
    }

    @Test
    void aLastLineCutShortByAKillIsIgnoredButCorruptionElsewhereIsReported() throws Exception {
        Path file = dir.resolve(RunHistory.EPISODES_CSV);
        Files.writeString(file, "step,env,return,length\n5,0,1.0,5\n9,0,2.");
        assertEquals(1, RunHistory.read(dir).episodes().size());
        Files.writeString(file, "step,env,return,length\n5,0,x,5\n9,0,2.0,4\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RunHistory.read(dir));
        assertEquals(file + " line 2: not a number: 'x'", e.getMessage());
        Files.writeString(file, "step,env,reward,length\n");
        e = assertThrows(IllegalArgumentException.class, () -> RunHistory.read(dir));
        assertTrue(e.getMessage().contains("lacks column 'return'"), e.getMessage());
    }

    @Test
    void csvFieldsRoundTripThroughQuoting() {
        String odd = "a,\"b\"";
        assertEquals(List.of(odd, "c"), OutputFiles.parseCsvLine(OutputFiles.csvField(odd) + ",c"));
        assertEquals("plain", OutputFiles.csvField("plain"));
        assertEquals("", OutputFiles.number(Double.NaN));
        assertEquals("3", OutputFiles.number(3.0));
        assertEquals("0.1", OutputFiles.number(0.1));
    }
}
