package org.deeprl4j.env.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.OptionalLong;
import org.deeprl4j.env.Envs;
import org.deeprl4j.env.Step;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An instance never loses a step to its monitor. */
class InstanceTest {
    @Test
    void aMonitorThatCannotWriteIsStoppedButTheStepStands(@TempDir Path dir) {
        Instance inst = new Instance("abcd1234", "CartPole-v1", Envs.make("CartPole-v1"), OptionalLong.of(3), 0);
        EpisodeMonitor m = new EpisodeMonitor(dir.resolve("m.csv"), "CartPole-v1", false, 0.0, System::nanoTime);
        inst.startMonitor(m);
        m.close(); // the next row cannot be written
        float[] first = (float[]) inst.reset(OptionalLong.empty()).observation();
        assertArrayEquals((float[]) Envs.make("CartPole-v1").reset(3).observation(), first, "creation seed used");
        Step<Object> s;
        do {
            s = inst.step(1);
        } while (!s.done());
        assertTrue(s.terminated(), "the step that ended the episode was returned");
        assertNull(inst.monitor(), "the broken monitor was stopped");
        inst.close();
    }
}
