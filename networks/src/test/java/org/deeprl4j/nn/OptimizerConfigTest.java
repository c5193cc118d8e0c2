package org.deeprl4j.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.learning.config.Sgd;

class OptimizerConfigTest {
    @Test
    void factoriesUsePyTorchAndSb3Defaults() {
        OptimizerConfig adam = OptimizerConfig.adam(2.5e-4);
        assertEquals(new OptimizerConfig("adam", 2.5e-4, 1e-8, 0, 0), adam);
        Adam a = assertInstanceOf(Adam.class, adam.toUpdater());
        assertEquals(0.9, a.getBeta1());
        assertEquals(0.999, a.getBeta2());
        assertEquals(1e-8, a.getEpsilon());
        assertEquals(2.5e-4, a.getLearningRate());
        RmsProp r = assertInstanceOf(RmsProp.class, OptimizerConfig.rmsprop(7e-4).toUpdater());
        assertEquals(0.99, r.getRmsDecay());
        assertEquals(1e-5, r.getEpsilon());
        assertEquals(7e-4, r.getLearningRate());
        Sgd s = assertInstanceOf(Sgd.class, OptimizerConfig.sgd(0.1).toUpdater());
        assertEquals(0.1, s.getLearningRate());
    }

    @Test
    void withersAndNormalization() {
        OptimizerConfig c = new OptimizerConfig(" Adam ", 1e-3, 1e-8, 0, 0).withMaxGradNorm(10).withL2(1e-4)
                .withLearningRate(3e-4).withEpsilon(1e-5);
        assertEquals(new OptimizerConfig("adam", 3e-4, 1e-5, 10, 1e-4), c);
    }

    @Test
    void rejectsBadValuesNamingThem() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new OptimizerConfig("adamw", 1e-3, 1e-8, 0, 0));
        assertTrue(e.getMessage().contains("adamw"));
        assertThrows(IllegalArgumentException.class, () -> OptimizerConfig.adam(-1e-3));
        assertEquals(0, OptimizerConfig.adam(1e-3).withLearningRate(0).learningRate()); // the end of a linear schedule
        assertThrows(IllegalArgumentException.class, () -> OptimizerConfig.adam(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new OptimizerConfig("adam", 1e-3, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new OptimizerConfig("sgd", 1e-3, -1, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> OptimizerConfig.sgd(1).withMaxGradNorm(-1));
        assertThrows(IllegalArgumentException.class, () -> OptimizerConfig.sgd(1).withMaxGradNorm(Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> OptimizerConfig.sgd(1).withL2(-0.1));
        assertThrows(NullPointerException.class, () -> new OptimizerConfig(null, 1, 1, 0, 0));
    }

    @Test
    void l2AddsCoefficientTimesParamToTheGradient() {
        // sgd lr 1 with an all-zero label mask: the data gradient is 0, so the step is -l2 * param
        Network net = Networks.mlp(3, 2, MlpSpec.of(4), "identity", Loss.MSE, OptimizerConfig.sgd(1).withL2(0.1), 1);
        double[] before = net.params().toDoubleVector();
        var x = QNetworksTest.input(5, 3, 1, org.nd4j.linalg.api.buffer.DataType.FLOAT);
        net.fit(x, org.nd4j.linalg.factory.Nd4j.zeros(5, 2), org.nd4j.linalg.factory.Nd4j.zeros(5, 2));
        double[] after = net.params().toDoubleVector();
        for (int i = 0; i < before.length; i++) {
            assertEquals(0.9 * before[i], after[i], 1e-6, "param " + i);
        }
    }
}
