package org.deeprl4j.experiments.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class InferenceModelsTest {
    @Test
    void dqnPolicyActsGreedilyOnTheBenchmarkedNetwork() {
        InferenceModels.Model m = InferenceModels.create("dqn", 3);
        assertEquals(4, m.obsDim());
        assertEquals(4 * 64 + 64 + 64 * 64 + 64 + 64 * 2 + 2, m.network().numParams(), "64x64 hidden layers");
        int n = 64;
        float[] obs = m.observations(n, 5);
        float[] actions = new float[n];
        m.policy().act(obs, n, 0, actions);
        INDArray q = (INDArray) m.forward(m.matrix(obs, n)); // [n, 2]
        assertArrayEquals(new long[] {n, 2}, q.shape());
        for (int i = 0; i < n; i++) {
            float expected = q.getFloat(i, 1) > q.getFloat(i, 0) ? 1 : 0;
            assertEquals(expected, actions[i], "observation " + i);
        }
    }

    @Test
    void ppoForwardGivesLogitsAndValue() {
        InferenceModels.Model m = InferenceModels.create("ppo", 3);
        INDArray[] out = (INDArray[]) m.forward(m.matrix(m.observations(2, 1), 2));
        assertEquals(2, out.length);
        assertArrayEquals(new long[] {2, 2}, out[0].shape());
        assertThrows(IllegalArgumentException.class, () -> InferenceModels.create("sac", 0));
    }
}
