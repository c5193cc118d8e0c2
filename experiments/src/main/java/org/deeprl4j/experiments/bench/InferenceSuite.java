package org.deeprl4j.experiments.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The {@code inference} suite: action-selection latency in microseconds of the greedy DQN and PPO
 * policies ({@link InferenceModels}) at batch 1 and 64, each through {@code Policy.act} (what the
 * training loop and evaluation call), beside the raw DL4J {@code Network.output}/{@code outputs}
 * call on a ready-made input matrix, and the ratio act/output per repetition (below 1: acting beats
 * a bare DL4J forward pass).
 */
public final class InferenceSuite {
    /** Batch sizes measured: one env, and a large vector env or minibatch. */
    public static final int[] BATCHES = {1, 64};

    private InferenceSuite() {
    }

    /** Runs the suite with networks seeded by {@code seed}; {@code log} gets one line per figure. */
    public static List<BenchResult> run(Micro.Settings settings, long seed, PrintStream log) {
        List<BenchResult> out = new ArrayList<>();
        for (String algo : InferenceModels.ALGORITHMS) {
            InferenceModels.Model model = InferenceModels.create(algo, seed);
            for (int n : BATCHES) {
                float[] obs = model.observations(n, seed + n);
                float[] actions = new float[n];
                Micro.Latency act = Micro.latency(() -> model.policy().act(obs, n, 0, actions), settings);
                INDArray x = model.matrix(obs, n); // [n, obsDim], built once outside the timed call
                Micro.Latency raw = Micro.latency(() -> model.forward(x), settings);
                String call = model.network().graph().getNumOutputArrays() == 1 ? "Network.output" : "Network.outputs";
                BenchResult a = latency(algo + " greedy Policy.act b" + n, act, "");
                BenchResult r = latency(algo + " " + call + " b" + n, raw, "input prebuilt; ");
                out.add(a);
                out.add(r);
                out.add(ratio(algo + " act/output b" + n, act, raw));
                log.println(String.format(Locale.ROOT, "bench inference: %s batch %d: act %s us, %s %s us", algo, n,
                        BenchTable.number(a.median()), call, BenchTable.number(r.median())));
            }
        }
        return out;
    }

    private static BenchResult latency(String name, Micro.Latency l, String notePrefix) {
        String note = String.format(Locale.ROOT, "%sper call p10 %s, p90 %s over %d calls", notePrefix,
                BenchTable.number(l.p10()), BenchTable.number(l.p90()), l.calls());
        return new BenchResult(Suite.INFERENCE.id(), name, "us", l.repMedians(), note);
    }

    private static BenchResult ratio(String name, Micro.Latency act, Micro.Latency raw) {
        List<Double> r = new ArrayList<>();
        for (int i = 0; i < act.repMedians().size(); i++) {
            r.add(act.repMedians().get(i) / raw.repMedians().get(i));
        }
        return new BenchResult(Suite.INFERENCE.id(), name, "ratio", r, "Policy.act / DL4J call per repetition; <1: act faster");
    }
}
