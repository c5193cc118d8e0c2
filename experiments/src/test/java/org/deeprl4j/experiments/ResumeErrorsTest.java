package org.deeprl4j.experiments;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.deeprl4j.agents.TrainingListener;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad resume input: clear errors, and the run folder (checkpoint and CSVs) left untouched. */
class ResumeErrorsTest {
    @TempDir
    static Path tmp;
    static Path run;
    static final PrintStream QUIET = new PrintStream(PrintStream.nullOutputStream());

    @BeforeAll
    static void stoppedRun() {
        run = tmp.resolve("run");
        RunControl control = new RunControl();
        TrainingListener stop = new TrainingListener() {
            @Override
            public void onStep(long step, Map<String, Double> metrics) {
                if (step >= 100) {
                    control.requestStop();
                }
            }
        };
        TrainRunner.run(new TrainJob("dqn", "Identity-v0", 0, 300L, run, Map.of("learning_starts", 50), Map.of(), 0, 2,
                Double.NaN, 0), QUIET, List.of(stop), control);
    }

    private static Path copy(String name) throws IOException {
        Path dst = tmp.resolve(name);
        Files.createDirectories(dst);
        try (Stream<Path> files = Files.list(run)) {
            for (Path f : files.toList()) {
                Files.copy(f, dst.resolve(f.getFileName()));
            }
        }
        return dst;
    }

    private static String error(Path dir) {
        return assertThrows(IllegalArgumentException.class, () -> TrainRunner.resume(dir, QUIET, List.of(), new RunControl()))
                .getMessage();
    }

    @Test
    void truncatedCheckpointIsReportedAndNothingChanges() throws IOException {
        Path dir = copy("truncated");
        Path cp = dir.resolve(Checkpoint.FILE);
        byte[] whole = Files.readAllBytes(cp);
        Files.write(cp, java.util.Arrays.copyOf(whole, whole.length / 2));
        byte[] monitor = Files.readAllBytes(dir.resolve("monitor.csv"));
        String msg = error(dir);
        assertTrue(msg.contains("corrupt or truncated") && msg.contains(cp.toString()), msg);
        assertArrayEquals(monitor, Files.readAllBytes(dir.resolve("monitor.csv")));
        assertArrayEquals(java.util.Arrays.copyOf(whole, whole.length / 2), Files.readAllBytes(cp));
    }

    @Test
    void checkpointOfAnotherAlgorithmIsRefused() throws IOException {
        Path dir = copy("otheralgo");
        Path config = dir.resolve("config.yaml");
        String yaml = Files.readString(config).replace("algo: dqn", "algo: ppo").replaceAll("(?s)hyperparameters:.*", "hyperparameters: {}\n");
        Files.writeString(config, yaml);
        String msg = error(dir);
        assertTrue(msg.contains("written by algorithm 'dqn'") && msg.contains("'ppo'"), msg);
    }

    @Test
    void foldersThatAreNotResumableRunsAreNamed() throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        assertTrue(error(empty).contains("not a run folder"));
        assertTrue(error(tmp.resolve("missing")).contains("no such folder"));
        Path noCheckpoint = copy("nocheckpoint");
        Files.delete(noCheckpoint.resolve(Checkpoint.FILE));
        assertTrue(error(noCheckpoint).contains("no checkpoint.zip"));
    }

    @Test
    void aCheckpointOfAnotherArchitectureIsRefusedBeforeFilesChange() throws IOException {
        Path dir = copy("otherarch");
        Path config = dir.resolve("config.yaml");
        @SuppressWarnings("unchecked")
        Map<String, Object> doc = (Map<String, Object>) new org.yaml.snakeyaml.Yaml().load(Files.readString(config));
        @SuppressWarnings("unchecked")
        Map<String, Object> hp = (Map<String, Object>) doc.get("hyperparameters");
        hp.put("net_arch", List.of(17)); // the preset has another size
        Files.writeString(config, new org.yaml.snakeyaml.Yaml().dump(doc));
        byte[] episodes = Files.readAllBytes(dir.resolve("episodes.csv"));
        String msg = error(dir);
        assertTrue(msg.contains("does not fit this run"), msg);
        assertArrayEquals(episodes, Files.readAllBytes(dir.resolve("episodes.csv")));
    }
}
