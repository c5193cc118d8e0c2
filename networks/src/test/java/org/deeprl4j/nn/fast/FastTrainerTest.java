package org.deeprl4j.nn.fast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.deeprl4j.nn.ActorCriticSpec;
import org.deeprl4j.nn.Loss;
import org.deeprl4j.nn.Networks;
import org.deeprl4j.nn.QNetworks;
import org.deeprl4j.nn.MlpSpec;
import org.deeprl4j.nn.Network;
import org.deeprl4j.nn.OptimizerConfig;
import org.deeprl4j.nn.PolicyNetworks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The plain-Java training path ({@link FastTrainer} behind {@link Network#trainForward},
 * {@link Network#stepExternal} and {@link Network#backpropToInputs}) against DL4J's: two networks
 * built alike, one on each path, get the same inputs and output gradients for several steps; outputs,
 * parameters, updater state, iteration counts, gradient norms and input gradients must agree
 * (relative error 1e-5 with a floor of 1, as {@link FastChecks}; updater state 1e-3 relative plus
 * 1e-4 of the largest entry: moments of gradients that cancel to nearly 0 carry the float noise
 * of the larger terms, and the parameters' 1e-7 differences after a step move later gradients).
 */
class FastTrainerTest {
    private static final int OBS = 5;

    /** Every external-gradient architecture the builders make, for one hidden activation and optimizer. */
    static Map<String, Function<Long, Network>> architectures(String act, OptimizerConfig opt) {
        MlpSpec body = new MlpSpec(new int[] {16, 8}, act, "xavier");
        MlpSpec other = new MlpSpec(new int[] {12}, act, "xavier");
        Map<String, Function<Long, Network>> nets = new LinkedHashMap<>();
        nets.put("categorical-shared", s -> PolicyNetworks.categoricalActorCritic(OBS, 3, ActorCriticSpec.shared(body), opt, s));
        nets.put("categorical-separate", s -> PolicyNetworks.categoricalActorCritic(OBS, 3,
                ActorCriticSpec.separate(body, other), opt, s));
        nets.put("multidiscrete", s -> PolicyNetworks.multiDiscreteActorCritic(OBS, new int[] {2, 3},
                ActorCriticSpec.shared(body), opt, s));
        nets.put("gaussian-separate", s -> PolicyNetworks.gaussianActorCritic(OBS, 2, 0.3,
                ActorCriticSpec.separate(body, other), opt, s));
        nets.put("sac-actor", s -> PolicyNetworks.sacActor(OBS, 2, body, opt, s));
        nets.put("deterministic-actor", s -> PolicyNetworks.deterministicActor(OBS, new double[] {-2, 0},
                new double[] {2, 1}, body, opt, s));
        nets.put("value-critic", s -> PolicyNetworks.valueCritic(OBS, body, opt, s));
        nets.put("q-critics", s -> PolicyNetworks.qCritics(OBS, 2, 2, body, opt, s));
        return nets;
    }

    @ParameterizedTest
    @ValueSource(strings = {"relu", "tanh", "elu", "leakyrelu", "sigmoid", "identity"})
    void adamStepsWithClippingMatchDl4j(String act) {
        assertTrue(Blas.AVAILABLE, "OpenBLAS must load here: the 48-row steps test the OpenBLAS path");
        OptimizerConfig adam = new OptimizerConfig("adam", 3e-3, 1e-5, 0.05, 0); // a small max norm: clipping active
        for (Map.Entry<String, Function<Long, Network>> e : architectures(act, adam).entrySet()) {
            assertSameTraining(e.getKey() + "/" + act, e.getValue(), 4);
        }
    }

    @Test
    void rmsPropSgdAndL2MatchDl4j() {
        OptimizerConfig rms = new OptimizerConfig("rmsprop", 7e-4, 1e-5, 0.5, 1e-3);
        OptimizerConfig sgd = new OptimizerConfig("sgd", 1e-2, 0, 0, 1e-2);
        OptimizerConfig adamL2 = new OptimizerConfig("adam", 1e-3, 1e-8, 0, 1e-2);
        for (OptimizerConfig opt : new OptimizerConfig[] {rms, sgd, adamL2}) {
            for (Map.Entry<String, Function<Long, Network>> e : architectures("tanh", opt).entrySet()) {
                assertSameTraining(e.getKey() + "/" + opt.type(), e.getValue(), 3);
            }
        }
    }

    @Test
    void maskedLossFitMatchesDl4j() {
        OptimizerConfig opt = new OptimizerConfig("adam", 2e-3, 1e-8, 0.5, 1e-3);
        MlpSpec body = new MlpSpec(new int[] {16, 16}, "relu", "xavier");
        Map<String, Function<Long, Network>> nets = new LinkedHashMap<>();
        nets.put("q-huber", s -> QNetworks.mlp(OBS, 3, body, false, Loss.HUBER, opt, s));
        nets.put("q-dueling-mse", s -> QNetworks.mlp(OBS, 3, body, true, Loss.MSE, opt, s));
        nets.put("mlp-tanh-mse", s -> Networks.mlp(OBS, 3, body, "tanh", Loss.MSE, opt, s));
        for (Map.Entry<String, Function<Long, Network>> e : nets.entrySet()) {
            Network fast = e.getValue().apply(8L);
            Network ref = e.getValue().apply(8L);
            ref.setFastTraining(false);
            for (int t = 0; t < 6; t++) {
                int n = t < 3 ? 9 : 45; // Java loops, then OpenBLAS
                INDArray x = inputs(fast, n, 50 + t)[0];
                INDArray labels = Nd4j.create(FastChecks.randomRows(n, 3, 3.0, 60 + t), new long[] {n, 3}, 'c'); // [n, 3]
                INDArray mask = switch (t % 3) {
                    case 0 -> null;
                    case 1 -> Nd4j.create(FastChecks.randomRows(n, 1, 1.0, 70 + t), new long[] {n, 1}, 'c'); // [n, 1]
                    default -> QNetworks.tdTargets(actions(n), new float[n], FastChecks.randomRows(n, 1, 1.0, 80 + t), 3)
                            .mask(); // [n, 3] one weighted column per row
                };
                // odd steps: the float-array form, which skips INDArrays on the plain-Java path
                double sf = t % 2 == 0 ? fast.fit(x, labels, mask) : fast.fit(x.dup('c').data().asFloat(), n,
                        labels.data().asFloat(), mask == null ? null : mask.dup('c').data().asFloat());
                double sr = ref.fit(x, labels, mask);
                String what = e.getKey() + " step " + t;
                assertEquals(sr, sf, 1e-5 * Math.max(1, Math.abs(sr)), what + " score");
                FastChecks.assertClose(ref.params().dup().data().asFloat(), fast.params().dup().data().asFloat(), what);
                assertEquals(ref.lastGradNorm(), fast.lastGradNorm(), 1e-5 * ref.lastGradNorm(), what + " grad norm");
            }
            assertTrue(fast.fastTrainingActive(), e.getKey());
            assertEquals(6, fast.graph().getConfiguration().getIterationCount());
        }
    }

    @Test
    void updaterStateWrittenBackLazilyIsNeverLost() {
        // steps leave Adam's moments in the trainer; every reader of the graph's updater must see them
        OptimizerConfig adam = OptimizerConfig.adam(2e-3);
        Function<Long, Network> build = s -> PolicyNetworks.categoricalActorCritic(OBS, 3,
                ActorCriticSpec.shared(new MlpSpec(new int[] {40, 40}, "relu", "xavier")), adam, s);
        Network fast = build.apply(4L);
        Network ref = build.apply(4L);
        ref.setFastTraining(false);
        for (int t = 0; t < 3; t++) {
            stepOnly(fast, ref, 30 + t, 40);
        }
        for (Network n : new Network[] {fast, ref}) {
            n.params().muli(0.9); // a parameter write while the moments are newer than the graph's
        }
        for (int t = 0; t < 2; t++) {
            stepOnly(fast, ref, 40 + t, 40);
        }
        Network copy = fast.copy(); // copy() reads the updater state
        step(copy, ref.copy(), 50, "copy after unflushed steps", 40);
        java.io.ByteArrayOutputStream saved = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream savedRef = new java.io.ByteArrayOutputStream();
        try {
            org.deeprl4j.nn.NetworkState.write(fast, new java.io.DataOutputStream(saved)); // as checkpoints do
            org.deeprl4j.nn.NetworkState.write(ref, new java.io.DataOutputStream(savedRef));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        assertEquals(savedRef.size(), saved.size());
        step(fast, ref, 51, "after a checkpoint", 40); // compares the state read through graph()
        fast.setFastTraining(false); // DL4J's path continues from the same moments
        step(fast, ref, 52, "DL4J path after the plain-Java one", 40);
    }

    /** One step of each network, compared only through their parameters (no graph() access). */
    private static void stepOnly(Network fast, Network ref, long seed, int n) {
        INDArray[] x = inputs(fast, n, seed);
        INDArray[] or = ref.trainForward(x);
        fast.trainForward(x);
        INDArray[] g = gradients(or, seed + 7);
        fast.stepExternal(g);
        ref.stepExternal(g);
        FastChecks.assertClose(ref.params().dup().data().asFloat(), fast.params().dup().data().asFloat(), "step " + seed);
    }

    @Test
    void learningRateChangesAndParameterWritesAreFollowed() {
        OptimizerConfig adam = OptimizerConfig.adam(1e-3);
        Function<Long, Network> build = s -> PolicyNetworks.categoricalActorCritic(OBS, 3,
                ActorCriticSpec.shared(new MlpSpec(new int[] {8}, "tanh", "xavier")), adam, s);
        Network fast = build.apply(3L);
        Network ref = build.apply(3L);
        ref.setFastTraining(false);
        step(fast, ref, 11, "warm-up");
        for (Network n : new Network[] {fast, ref}) {
            n.setLearningRate(5e-2);
            n.params().muli(0.5); // a write through the live view: the fast path must re-read it
        }
        step(fast, ref, 12, "after writes");
        Network copy = fast.copy(); // the copy carries the state the fast path wrote back
        step(copy, ref, 13, "copy");
    }

    @Test
    void inputGradientsMatchDl4j() {
        OptimizerConfig adam = OptimizerConfig.adam(1e-3);
        Function<Long, Network> build = s -> PolicyNetworks.qCritics(OBS, 2, 2, new MlpSpec(new int[] {16, 16}, "relu",
                "xavier"), adam, s);
        Network fast = build.apply(5L);
        Network ref = build.apply(5L);
        ref.setFastTraining(false);
        INDArray[] x = inputs(fast, 40, 21); // OpenBLAS rows
        INDArray[] g = gradients(fast.trainForward(x), 22);
        INDArray[] gf = fast.backpropToInputs(g);
        assertTrue(fast.fastTrainingActive());
        INDArray[] gr = ref.inputGradients(x, g);
        for (int k = 0; k < gr.length; k++) {
            FastChecks.assertClose(gr[k].dup('c').data().asFloat(), gf[k].dup('c').data().asFloat(), "input gradient " + k);
        }
        assertEquals(ref.params(), fast.params(), "input gradients must not change parameters");
    }

    @Test
    void callOrderAndShapesAreChecked() {
        Network net = PolicyNetworks.valueCritic(OBS, new MlpSpec(new int[] {4}, "tanh", "xavier"), OptimizerConfig.adam(1e-3), 1);
        INDArray x = Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, 3, OBS);
        assertThrows(IllegalStateException.class, () -> net.stepExternal(Nd4j.zeros(3, 1)));
        net.trainForward(x);
        assertTrue(net.fastTrainingActive());
        assertThrows(IllegalArgumentException.class, () -> net.stepExternal(Nd4j.zeros(2, 1)));
        net.trainForward(x);
        net.output(x); // any other call drops the kept forward pass
        assertThrows(IllegalStateException.class, () -> net.stepExternal(Nd4j.zeros(3, 1)));
        assertThrows(IllegalArgumentException.class, () -> net.trainForward(Nd4j.zeros(3, OBS + 1)));
        net.setFastTraining(false);
        net.trainForward(x);
        assertFalse(net.fastTrainingActive());
    }

    /** Builds two networks with one seed, trains one on each path and compares after every step. */
    private static void assertSameTraining(String name, Function<Long, Network> build, int steps) {
        Network fast = build.apply(42L);
        Network ref = build.apply(42L);
        ref.setFastTraining(false);
        for (int t = 0; t < steps; t++) {
            step(fast, ref, 1000L * t + name.hashCode(), name + " step " + t, t % 2 == 0 ? 7 : 48); // Java loops, OpenBLAS
            assertTrue(fast.fastTrainingActive(), name + " should train on the fast path");
        }
    }

    private static void step(Network fast, Network ref, long seed, String what) {
        step(fast, ref, seed, what, 7);
    }

    /** One step of each network on the same n rows (from {@code Blas.MIN_ROWS} rows, dense layers use OpenBLAS). */
    private static void step(Network fast, Network ref, long seed, String what, int n) {
        INDArray[] x = inputs(fast, n, seed);
        INDArray[] of = fast.trainForward(x);
        INDArray[] or = ref.trainForward(x);
        for (int k = 0; k < or.length; k++) {
            FastChecks.assertClose(or[k].dup('c').data().asFloat(), of[k].dup('c').data().asFloat(), what + " output " + k);
        }
        INDArray[] g = gradients(or, seed + 7);
        fast.stepExternal(g);
        ref.stepExternal(g);
        FastChecks.assertClose(ref.params().dup().data().asFloat(), fast.params().dup().data().asFloat(), what + " params");
        INDArray sf = fast.graph().getUpdater().getStateViewArray();
        INDArray sr = ref.graph().getUpdater().getStateViewArray();
        if (sr != null) {
            float[] a = sr.dup().data().asFloat();
            float[] b = sf.dup().data().asFloat();
            double scale = 0;
            for (float v : a) {
                scale = Math.max(scale, Math.abs(v));
            }
            for (int e = 0; e < a.length; e++) {
                // moments of gradients that cancel to ~0 differ by the float noise of the larger ones
                double tol = 1e-3 * Math.abs(a[e]) + 1e-4 * scale;
                assertTrue(Math.abs(a[e] - b[e]) <= tol, what + " updater state " + e + ": " + b[e] + " vs " + a[e]);
            }
        }
        assertEquals(ref.graph().getConfiguration().getIterationCount(), fast.graph().getConfiguration().getIterationCount());
        if (!Double.isNaN(ref.lastGradNorm())) {
            assertEquals(ref.lastGradNorm(), fast.lastGradNorm(), 1e-5 * ref.lastGradNorm(), what + " grad norm");
        }
    }

    private static int[] actions(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = (i * 7) % 3;
        }
        return a;
    }

    private static INDArray[] inputs(Network net, int n, long seed) {
        int inputs = net.graph().getNumInputArrays();
        INDArray[] x = new INDArray[inputs];
        for (int k = 0; k < inputs; k++) {
            int width = k == 0 ? OBS : 2; // observations, then actions (q-critics)
            x[k] = Nd4j.create(FastChecks.randomRows(n, width, 1.5, seed + k), new long[] {n, width}, 'c'); // [n, width]
        }
        return x;
    }

    private static INDArray[] gradients(INDArray[] outputs, long seed) {
        INDArray[] g = new INDArray[outputs.length];
        for (int k = 0; k < g.length; k++) {
            int n = (int) outputs[k].size(0);
            int w = (int) outputs[k].size(1);
            g[k] = Nd4j.create(FastChecks.randomRows(n, w, 0.3, seed + k), new long[] {n, w}, 'c'); // [n, w]
        }
        return g;
    }
}
