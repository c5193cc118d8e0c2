package org.deeprl4j.env.vector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import org.deeprl4j.env.Envs;
import org.deeprl4j.env.Rng;
import org.deeprl4j.env.spaces.Discrete;
import org.deeprl4j.env.spaces.Space;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checkpoints serialize the vector env: a copy taken mid-episode must continue exactly like the
 * original (physics state, random generators, time-limit counters, episode statistics).
 */
class VectorEnvSerializationTest {
    static List<String> ids() {
        return Envs.ids().stream().filter(id -> !id.startsWith("gym-http")).toList();
    }

    @ParameterizedTest
    @MethodSource("ids")
    void aSerializedCopyContinuesIdentically(String id) throws Exception {
        try (VectorEnv env = VectorEnvs.make(id, java.util.Map.of(), 3, false, AutoresetMode.SAME_STEP)) {
            Rng rng = new Rng(11);
            env.reset(5);
            for (int t = 0; t < 137; t++) {
                step(env, env.actionSpace(), rng);
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(env);
            }
            Rng rngCopy = Rng.fromState(rng.state());
            try (VectorEnv copy = (VectorEnv) new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray())).readObject()) {
                for (int t = 0; t < 300; t++) {
                    VectorStep a = step(env, env.actionSpace(), rng);
                    VectorStep b = step(copy, copy.actionSpace(), rngCopy);
                    assertArrayEquals(a.observations(), b.observations(), id + " step " + t);
                    assertArrayEquals(a.rewards(), b.rewards(), id + " step " + t);
                    assertArrayEquals(a.terminated(), b.terminated(), id + " step " + t);
                    assertArrayEquals(a.truncated(), b.truncated(), id + " step " + t);
                    for (int i = 0; i < 3; i++) {
                        assertEquals(String.valueOf(a.info(i).get(VectorEnv.EPISODE)), String.valueOf(b.info(i).get(VectorEnv.EPISODE)));
                    }
                }
            }
        }
    }

    private static <T> float[] sampleFlat(Space<T> space, Rng rng) {
        return space.flatten(space.sample(rng));
    }

    private static VectorStep step(VectorEnv env, Space<?> space, Rng rng) {
        int n = env.numEnvs();
        if (space instanceof Discrete d) {
            int[] a = new int[n];
            for (int i = 0; i < n; i++) {
                a[i] = d.sample(rng);
            }
            return env.step(a);
        }
        float[] a = new float[n * env.actionDim()];
        for (int i = 0; i < n; i++) {
            float[] flat = sampleFlat(space, rng);
            System.arraycopy(flat, 0, a, i * env.actionDim(), flat.length);
        }
        return env.step(a);
    }
}
