package org.deeprl4j.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SpecsTest {
    @Test
    void mlpSpecNormalizesCopiesAndCompares() {
        int[] hidden = {64, 64};
        MlpSpec spec = new MlpSpec(hidden, "ReLU", "XAVIER");
        hidden[0] = 1;
        assertArrayEquals(new int[] {64, 64}, spec.hidden());
        spec.hidden()[1] = 2;
        assertArrayEquals(new int[] {64, 64}, spec.hidden());
        assertEquals("relu", spec.activation());
        assertEquals("xavier", spec.weightInit());
        assertEquals(new MlpSpec(new int[] {64, 64}, "relu", "xavier"), spec);
        assertEquals(new MlpSpec(new int[] {64, 64}, "relu", "xavier").hashCode(), spec.hashCode());
        assertNotEquals(MlpSpec.of(64, 64), spec);
        assertEquals(new MlpSpec(new int[] {64, 64}, "relu", "uniform"), MlpSpec.of(64, 64));
        assertTrue(spec.toString().contains("[64, 64]"));
        assertEquals(0, MlpSpec.of().hidden().length);
    }

    @Test
    void mlpSpecRejectsUnknownNames() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new MlpSpec(new int[] {8}, "relu", "orthogonal"));
        assertTrue(e.getMessage().contains("orthogonal") && e.getMessage().contains("xavier"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new MlpSpec(new int[] {8}, "swish2", "relu"));
        assertTrue(e.getMessage().contains("swish2") && e.getMessage().contains("tanh"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MlpSpec.of(8, 0));
        assertThrows(IllegalArgumentException.class, () -> new MlpSpec(new int[] {8}, " ", "relu"));
        assertThrows(NullPointerException.class, () -> new MlpSpec(null, "relu", "relu"));
    }

    @Test
    void everySupportedNameBuildsANetwork() {
        for (String act : List.of("relu", "tanh", "elu", "leakyrelu", "sigmoid", "identity")) {
            for (String init : List.of("uniform", "xavier", "xavier_uniform", "relu", "relu_uniform", "lecun_normal",
                    "lecun_uniform")) {
                Network n = Networks.mlp(2, 1, new MlpSpec(new int[] {3}, act, init), act, Loss.MSE,
                        OptimizerConfig.adam(1e-3), 1);
                assertEquals(2 * 3 + 3 + 3 + 1, n.numParams());
            }
        }
    }

    @Test
    void uniformInitIsPyTorchDefaultBound() {
        Network n = Networks.mlp(100, 1, MlpSpec.of(50), "identity", Loss.MSE, OptimizerConfig.adam(1e-3), 3);
        var w = n.graph().getLayer("dense0").getParam("W"); // [100, 50]
        double bound = 1 / Math.sqrt(100);
        double max = org.nd4j.linalg.ops.transforms.Transforms.abs(w, true).maxNumber().doubleValue();
        assertTrue(max <= bound && max > 0.9 * bound, "max |w| " + max + " vs bound " + bound);
        assertEquals(0.0, n.graph().getLayer("dense0").getParam("b").sumNumber().doubleValue());
    }

    @Test
    void cnnSpecValidatesAndComputesShapes() {
        CnnSpec nature = CnnSpec.natureDqn();
        assertEquals(3, nature.convs().size());
        assertEquals(1 / 255.0, nature.inputScale());
        assertArrayEquals(new int[] {64, 7, 7}, nature.convOutputShape(new int[] {4, 84, 84}));
        assertArrayEquals(new int[] {64, 6, 6}, nature.convOutputShape(new int[] {1, 80, 80}));
        assertEquals(CnnSpec.natureDqn(), nature);
        assertEquals(CnnSpec.natureDqn().hashCode(), nature.hashCode());
        assertThrows(IllegalArgumentException.class, () -> nature.convOutputShape(new int[] {84, 84}));
        assertThrows(IllegalArgumentException.class, () -> nature.convOutputShape(new int[] {4, 0, 84}));
        assertThrows(IllegalArgumentException.class, () -> new CnnSpec.Conv(0, 3, 1));
        assertThrows(IllegalArgumentException.class, () -> new CnnSpec(List.of(), new int[] {}, "relu", "relu", 1));
        assertThrows(IllegalArgumentException.class,
                () -> new CnnSpec(nature.convs(), new int[] {512}, "relu", "relu", 0));
        assertThrows(IllegalArgumentException.class,
                () -> new CnnSpec(nature.convs(), new int[] {512}, "relu", "orthogonal", 1));
    }
}
