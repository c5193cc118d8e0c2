package org.deeprl4j.experiments.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunIndexTest {
    @TempDir
    Path dir;

    private static RunRecord run(String dir, long startMillis) {
        return new RunRecord(dir, "CartPole-v1", "dqn", 3, 0, Double.NaN, Double.NaN, Instant.ofEpochMilli(startMillis),
                RunRecord.Status.RUNNING);
    }

    @Test
    void upsertInsertsThenUpdatesAndListIsOrderedByStartTime() {
        RunIndex index = new RunIndex(dir.resolve("runs/index.sqlite"));
        RunRecord late = run("runs/b", 2_000);
        RunRecord early = run("runs/a2", 1_000);
        index.upsert(late);
        index.upsert(early);
        index.upsert(run("runs/a1", 1_000));
        assertEquals(List.of("runs/a1", "runs/a2", "runs/b"), index.list().stream().map(RunRecord::runDir).toList());
        assertEquals(late, index.find("runs/b").orElseThrow()); // NaN returns round-trip as NaN

        RunRecord done = late.with(50_000, 487.5, 500.0, RunRecord.Status.FINISHED);
        index.upsert(done);
        assertEquals(3, index.list().size());
        assertEquals(done, new RunIndex(index.file()).find("runs/b").orElseThrow()); // persisted, reopened
        assertTrue(index.find("runs/none").isEmpty());
    }

    @Test
    void startTimeKeepsMillisecondsAndRecordsAreValidated() {
        RunRecord r = run("x", 0);
        assertEquals(Instant.ofEpochMilli(1234), new RunRecord("x", "e", "a", 0, 0, 0, 0,
                Instant.ofEpochSecond(1, 234_567_890), RunRecord.Status.FAILED).startTime());
        assertThrows(IllegalArgumentException.class, () -> new RunRecord("", "e", "a", 0, 0, 0, 0, Instant.EPOCH,
                RunRecord.Status.FAILED));
        assertThrows(IllegalArgumentException.class, () -> r.with(-1, 0, 0, RunRecord.Status.FAILED));
    }

    @Test
    void concurrentWritersInThreadsAndProcessesLoseNothing() throws Exception {
        Path file = dir.resolve("index.sqlite");
        new RunIndex(file);
        List<Process> children = new ArrayList<>();
        for (int p = 0; p < 2; p++) { // two other JVMs
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            children.add(new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    RunIndexChild.class.getName(), file.toString(), "proc" + p, "20").inheritIO().start());
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            String prefix = "thread" + t;
            futures.add(pool.submit(() -> RunIndexChild.main(new String[] {file.toString(), prefix, "20"})));
        }
        for (Future<?> f : futures) {
            f.get(120, TimeUnit.SECONDS);
        }
        pool.shutdown();
        for (Process c : children) {
            assertTrue(c.waitFor(120, TimeUnit.SECONDS));
            assertEquals(0, c.exitValue());
        }
        List<RunRecord> all = new RunIndex(file).list();
        assertEquals(4 * 20, all.size());
        assertTrue(all.stream().allMatch(r -> r.status() == RunRecord.Status.FINISHED && r.steps() == 1000));
        for (int i = 1; i < all.size(); i++) {
            assertTrue(all.get(i - 1).startTime().compareTo(all.get(i).startTime()) <= 0);
        }
    }

    @Test
    void aFileThatIsNotADatabaseGivesAClearError() throws Exception {
        Path file = dir.resolve("index.sqlite");
        java.nio.file.Files.writeString(file, "this is not sqlite, just a text file that is long enough to have a header");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new RunIndex(file));
        assertTrue(e.getMessage().startsWith("cannot open run index " + file), e.getMessage());
    }
}
