package org.deeprl4j.experiments.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.deeprl4j.experiments.report.FakeRun;
import org.deeprl4j.experiments.sweep.SweepManifest.TrialState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepRunnerTest {
    @TempDir
    Path dir;

    private final StringWriter log = new StringWriter();
    private final List<String> ran = Collections.synchronizedList(new ArrayList<>());

    /** A fake trial: writes a finished run, or fails with exit code 3 for seed 1 of lr=b. */
    private int fakeTrain(Trial t, Path trialDir, Path logFile) throws java.io.IOException {
        ran.add(t.name());
        Files.createDirectories(trialDir);
        Files.writeString(logFile, "training " + t.name() + "\n");
        if (t.seed() == 1 && "b".equals(t.params().get("lr"))) {
            return 3;
        }
        FakeRun.finished(trialDir, "E-v0", t.seed(), Map.copyOf(t.params()), 1, 2, 1);
        return 0;
    }

    private List<TrialState> run(SweepPlan plan, Shard shard, int workers, TrialExecutor exec) throws Exception {
        SweepManifest manifest = new SweepManifest(dir, Map.of("config", "c.yml"), shard);
        return new SweepRunner(dir, plan, shard, workers, exec, manifest, new PrintWriter(log)).run();
    }

    @Test
    void aFailedTrialIsReportedAndTheOthersStillRun() throws Exception {
        SweepPlan plan = SweepPlan.of(List.of(0L, 1L), Grid.parse(List.of("lr=a,b")));
        List<TrialState> states = run(plan, Shard.ALL, 2, this::fakeTrain);
        assertEquals(List.of(TrialStatus.FINISHED, TrialStatus.FINISHED, TrialStatus.FINISHED, TrialStatus.FAILED),
                states.stream().map(TrialState::status).toList());
        assertEquals(3, states.get(3).exitCode());
        assertEquals(4, ran.size());
        assertTrue(log.toString().contains("FAILED lr=b__seed1: exit code 3; log: " + dir.resolve("lr=b__seed1/train.log")),
                log.toString());

        JsonNode m = new ObjectMapper().readTree(dir.resolve("sweep.json").toFile());
        assertEquals("c.yml", m.get("config").asText());
        assertTrue(m.get("shard").isNull());
        assertEquals(4, m.get("trials").size());
        JsonNode failed = m.get("trials").get(3);
        assertEquals("lr=b__seed1", failed.get("name").asText());
        assertEquals("failed", failed.get("status").asText());
        assertEquals(3, failed.get("exit_code").asInt());
        assertEquals("lr=b__seed1/train.log", failed.get("log").asText());
        assertEquals("b", failed.get("params").get("lr").asText());
        assertEquals("finished", m.get("trials").get(0).get("status").asText());
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary manifest left");
        }
    }

    @Test
    void finishedTrialsAreSkippedOnReRunAndOnlyTheFailedOneRunsAgain() throws Exception {
        SweepPlan plan = SweepPlan.of(List.of(0L, 1L), Grid.parse(List.of("lr=a,b")));
        run(plan, Shard.ALL, 1, this::fakeTrain);
        ran.clear();
        List<TrialState> again = run(plan, Shard.ALL, 1, this::fakeTrain);
        assertEquals(List.of("lr=b__seed1"), ran, "only the unfinished trial runs again");
        assertEquals(List.of(TrialStatus.SKIPPED, TrialStatus.SKIPPED, TrialStatus.SKIPPED, TrialStatus.FAILED),
                again.stream().map(TrialState::status).toList());
        assertNull(again.get(0).exitCode());
        assertTrue(log.toString().contains("skip lr=a__seed0 (already finished)"), log.toString());
    }

    @Test
    void exitZeroWithoutAFinishedRunIsAFailure() throws Exception {
        SweepPlan plan = SweepPlan.of(List.of(0L), Grid.EMPTY);
        List<TrialState> states = run(plan, Shard.ALL, 1, (t, d, l) -> 0);
        assertEquals(TrialStatus.FAILED, states.get(0).status());
        assertEquals(0, states.get(0).exitCode());
        assertTrue(log.toString().contains("exited 0 but left no finished run"), log.toString());
        List<TrialState> thrown = run(plan, Shard.ALL, 1, (t, d, l) -> {
            throw new java.io.IOException("no java");
        });
        assertEquals(TrialStatus.FAILED, thrown.get(0).status());
        assertNull(thrown.get(0).exitCode());
        assertTrue(log.toString().contains("could not run: no java"), log.toString());
    }

    @Test
    void aShardRunsOnlyItsTrialsAndWritesItsOwnManifest() throws Exception {
        SweepPlan plan = SweepPlan.of(List.of(0L, 1L, 2L), Grid.EMPTY);
        List<TrialState> states = run(plan, new Shard(1, 2), 1, this::fakeTrain);
        assertEquals(List.of("seed1"), ran);
        assertEquals(List.of(TrialStatus.OTHER_SHARD, TrialStatus.FINISHED, TrialStatus.OTHER_SHARD),
                states.stream().map(TrialState::status).toList());
        JsonNode m = new ObjectMapper().readTree(dir.resolve("sweep.shard-1-of-2.json").toFile());
        assertEquals("1/2", m.get("shard").asText());
        assertEquals("other_shard", m.get("trials").get(0).get("status").asText());
        assertTrue(Files.notExists(dir.resolve("sweep.json")));
    }

    @Test
    void atMostWorkersTrialsRunAtOnce() throws Exception {
        SweepPlan plan = SweepPlan.of(SeedList.parse("0-5"), Grid.EMPTY);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CountDownLatch twoIn = new CountDownLatch(2);
        List<TrialState> states = run(plan, Shard.ALL, 2, (t, d, l) -> {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            twoIn.countDown();
            try {
                twoIn.await(30, TimeUnit.SECONDS); // the first two overlap for sure
                Files.createDirectories(d);
                FakeRun.finished(d, "E-v0", t.seed(), Map.of(), 1, 1, 1);
                return 0;
            } finally {
                running.decrementAndGet();
            }
        });
        assertEquals(2, most.get());
        assertTrue(states.stream().allMatch(s -> s.status() == TrialStatus.FINISHED));
    }
}
