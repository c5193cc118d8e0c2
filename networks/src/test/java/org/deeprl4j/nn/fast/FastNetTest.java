package org.deeprl4j.nn.fast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.deeprl4j.nn.ActorCriticSpec;
import org.deeprl4j.nn.Loss;
import org.deeprl4j.nn.MlpSpec;
import org.deeprl4j.nn.Network;
import org.deeprl4j.nn.Networks;
import org.deeprl4j.nn.OptimizerConfig;
import org.deeprl4j.nn.PolicyNetworks;
import org.deeprl4j.nn.QNetworks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every architecture the builders make, with every activation: FastNet equals DL4J's inference. */
class FastNetTest {
    static final OptimizerConfig ADAM = OptimizerConfig.adam(1e-3);
    private static final int OBS = 5;

    /** One network per builder (and head variant) with hidden activation {@code act}. */
    static Map<String, Network> architectures(String act) {
        MlpSpec body = new MlpSpec(new int[] {16, 8}, act, "xavier");
        MlpSpec other = new MlpSpec(new int[] {12}, act, "xavier");
        Map<String, Network> nets = new LinkedHashMap<>();
        nets.put("q", QNetworks.mlp(OBS, 3, body, false, Loss.HUBER, ADAM, 1));
        nets.put("q-dueling", QNetworks.mlp(OBS, 3, body, true, Loss.MSE, ADAM, 2));
        nets.put("q-linear", QNetworks.mlp(OBS, 3, new MlpSpec(new int[0], act, "xavier"), false, Loss.MSE, ADAM, 3));
        nets.put("mlp", Networks.mlp(OBS, 4, body, act, Loss.MSE, ADAM, 4));
        nets.put("categorical-shared", PolicyNetworks.categoricalActorCritic(OBS, 3, ActorCriticSpec.shared(body), ADAM, 5));
        nets.put("categorical-separate", PolicyNetworks.categoricalActorCritic(OBS, 3,
                ActorCriticSpec.separate(body, other), ADAM, 6));
        nets.put("multidiscrete", PolicyNetworks.multiDiscreteActorCritic(OBS, new int[] {2, 3}, ActorCriticSpec.shared(body),
                ADAM, 7));
        nets.put("gaussian-shared", PolicyNetworks.gaussianActorCritic(OBS, 2, -0.5, ActorCriticSpec.shared(body), ADAM, 8));
        nets.put("gaussian-separate", PolicyNetworks.gaussianActorCritic(OBS, 2, 0.3, ActorCriticSpec.separate(body, other),
                ADAM, 9));
        nets.put("sac-actor", PolicyNetworks.sacActor(OBS, 2, body, ADAM, 10));
        nets.put("deterministic-actor", PolicyNetworks.deterministicActor(OBS, new double[] {-2, 0}, new double[] {2, 1},
                body, ADAM, 11));
        nets.put("value-critic", PolicyNetworks.valueCritic(OBS, body, ADAM, 12));
        return nets;
    }

    @ParameterizedTest
    @ValueSource(strings = {"relu", "tanh", "elu", "leakyrelu", "sigmoid", "identity"})
    void matchesDl4jOnEveryArchitecture(String act) {
        for (Map.Entry<String, Network> e : architectures(act).entrySet()) {
            Network net = e.getValue();
            Optional<FastNet> compiled = FastNet.compile(net);
            assertTrue(compiled.isPresent(), e.getKey() + " with " + act + " should compile");
            FastNet fast = compiled.get();
            assertEquals(net.graph().getConfiguration().getNetworkOutputs(), fast.outputNames(), e.getKey());
            assertEquals(OBS, fast.inputSize(0), e.getKey());
            for (int n : new int[] {1, 7, 64}) {
                FastChecks.assertMatches(net, fast, n, 100 + n);
            }
            FastChecks.randomizeParams(net, 0.5, 7); // large weights: saturating activations, big outputs
            for (int n : new int[] {64, 7, 1}) {
                FastChecks.assertMatches(net, fast, n, 200 + n);
            }
        }
    }

    @Test
    void outputSizesFollowTheHeads() {
        Map<String, Network> nets = architectures("relu");
        Function<String, List<Integer>> sizes = name -> {
            FastNet f = FastNet.compile(nets.get(name)).orElseThrow();
            return java.util.stream.IntStream.range(0, f.numOutputs()).boxed().map(f::outputSize).toList();
        };
        assertEquals(List.of(3), sizes.apply("q-dueling"));
        assertEquals(List.of(5, 1), sizes.apply("multidiscrete"));
        assertEquals(List.of(2, 2, 1), sizes.apply("gaussian-separate"));
        assertEquals(List.of(2, 2), sizes.apply("sac-actor"));
    }

    @Test
    void qCriticsNeedTheirInputSizes() {
        MlpSpec body = new MlpSpec(new int[] {16, 16}, "relu", "uniform");
        Network q = PolicyNetworks.qCritics(OBS, 2, 2, body, ADAM, 13);
        assertTrue(FastNet.compile(q).isEmpty(), "obs and act widths are not recorded in the graph");
        FastNet fast = FastNet.compile(q, new int[] {OBS, 2}).orElseThrow();
        assertEquals(List.of("q1", "q2"), fast.outputNames());
        for (int n : new int[] {1, 7, 64}) {
            FastChecks.assertMatches(q, fast, n, 300 + n);
        }
        assertTrue(FastNet.compile(q, new int[] {OBS, 3}).isEmpty(), "sizes contradicting the first layer");
    }

    @Test
    void resultsAreDeterministicAndIndependentOfBatchComposition() {
        Network net = architectures("tanh").get("gaussian-separate");
        FastNet fast = FastNet.compile(net).orElseThrow();
        float[] x = FastChecks.randomRows(7, OBS, 1.0, 5);
        float[][] batch = fast.newOutputs(7);
        fast.outputs(x, 7, batch);
        float[][] again = fast.newOutputs(7);
        fast.outputs(x, 7, again);
        for (int k = 0; k < batch.length; k++) {
            assertArrayEquals(batch[k], again[k]);
        }
        float[] row = java.util.Arrays.copyOfRange(x, 3 * OBS, 4 * OBS);
        float[][] single = fast.newOutputs(1);
        fast.outputs(row, 1, single);
        assertArrayEquals(java.util.Arrays.copyOfRange(batch[0], 3 * 2, 4 * 2), single[0]); // row 3 alone, bit for bit
    }
}
