package org.deeprl4j.experiments;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.deeprl4j.agents.EvalResult;
import org.deeprl4j.agents.StateBundle;
import org.deeprl4j.agents.TrainerState;
import org.deeprl4j.env.vector.AutoresetMode;
import org.deeprl4j.env.vector.VectorEnv;
import org.deeprl4j.env.vector.VectorEnvs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointTest {
    @TempDir
    Path dir;

    private static Checkpoint sample(long step) throws IOException {
        StateBundle agent = new StateBundle();
        agent.put("x/counters", out -> out.writeLong(step));
        try (VectorEnv env = VectorEnvs.make("CartPole-v1", Map.of(), 2, false, AutoresetMode.SAME_STEP)) {
            float[] obs = env.reset(1);
            TrainerState t = new TrainerState(obs, step, 3, 500, 12.5, new EvalResult(new double[] {1, 2}, new int[] {3, 4}), 1.5);
            return new Checkpoint(Map.of("format", Checkpoint.FORMAT, "algo", "dqn"), t, Checkpoint.serialize(env), agent,
                    Map.of("monitor.csv", "r,l,t\n".getBytes()));
        }
    }

    @Test
    void roundTripsEveryPart() throws IOException {
        Path file = dir.resolve(Checkpoint.FILE);
        Checkpoint c = sample(1000);
        c.write(file);
        Checkpoint r = Checkpoint.read(file);
        assertEquals("dqn", r.info().get("algo"));
        assertEquals(1000, r.trainer().step());
        assertEquals(12.5, r.trainer().bestEval());
        assertArrayEquals(c.trainer().observations(), r.trainer().observations());
        assertArrayEquals(new double[] {1, 2}, r.trainer().lastEval().returns());
        assertArrayEquals(c.agent().bytes("x/counters"), r.agent().bytes("x/counters"));
        assertArrayEquals("r,l,t\n".getBytes(), r.files().get("monitor.csv"));
        try (VectorEnv env = r.restoreEnv()) {
            assertEquals(2, env.numEnvs());
        }
    }

    @Test
    void aFailedWriteKeepsThePreviousCheckpoint() throws IOException {
        Path file = dir.resolve(Checkpoint.FILE);
        sample(1000).write(file);
        byte[] before = Files.readAllBytes(file);
        Path tmp = dir.resolve(Checkpoint.FILE + ".tmp");
        Files.createDirectories(tmp.resolve("blocker")); // the temporary file cannot be created: like a full disk
        IOException e = assertThrows(IOException.class, () -> sample(2000).write(file));
        assertTrue(e.getMessage().contains("previous checkpoint is kept"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file));
        assertEquals(1000, Checkpoint.read(file).trainer().step());
    }

    @Test
    void corruptFilesAreNamed() throws IOException {
        Path file = dir.resolve(Checkpoint.FILE);
        Files.writeString(file, "not a zip at all");
        IOException e = assertThrows(IOException.class, () -> Checkpoint.read(file));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(assertThrows(IOException.class, () -> Checkpoint.read(dir.resolve("none.zip"))).getMessage()
                .contains("no checkpoint"));
    }
}
