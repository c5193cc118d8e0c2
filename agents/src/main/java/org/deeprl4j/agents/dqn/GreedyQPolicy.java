package org.deeprl4j.agents.dqn;

import org.deeprl4j.agents.Policy;
import org.deeprl4j.nn.Network;
import org.deeprl4j.nn.fast.FastNet;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Acts greedily on a Q-network: {@code argmax_a Q(s, a)}, one forward pass per batch. Dense
 * Q-networks are evaluated by {@link FastNet} (plain Java on weights re-read after each update);
 * other networks (CNNs) by DL4J.
 */
public final class GreedyQPolicy implements Policy {
    private final Network q;
    private final int obsDim;
    private final FastNet fast; // null: DL4J's output()

    public GreedyQPolicy(Network q, int obsDim) {
        this.q = q;
        this.obsDim = obsDim;
        this.fast = FastNet.compile(q).filter(f -> f.numInputs() == 1 && f.inputSize(0) == obsDim).orElse(null);
    }

    @Override
    public void act(float[] observations, int n, long step, float[] actionsOut) {
        float[] qValues = qValues(observations, n); // [n, nActions] row-major
        int nActions = qValues.length / n;
        for (int i = 0; i < n; i++) {
            actionsOut[i] = argMax(qValues, i * nActions, nActions);
        }
    }

    /**
     * Q-values of {@code n} observations {@code [n * obsDim]}, one forward pass: row-major
     * {@code [n, nActions]} in an array the caller may keep until the next call (exactly
     * {@code n * nActions} long).
     */
    public float[] qValues(float[] observations, int n) {
        if (fast != null) {
            int nActions = fast.outputSize(0);
            return java.util.Arrays.copyOf(fast.outputs(observations, n)[0], n * nActions);
        }
        float[] x = observations.length == n * obsDim ? observations : java.util.Arrays.copyOf(observations, n * obsDim);
        INDArray obs = Nd4j.create(x, new long[] {n, obsDim}, 'c'); // [n, obsDim]
        return q.output(obs).data().asFloat();
    }

    /** Index of the largest of {@code v[off, off + len)} (the first one on ties). */
    static int argMax(float[] v, int off, int len) {
        int best = 0;
        for (int a = 1; a < len; a++) {
            if (v[off + a] > v[off + best]) {
                best = a;
            }
        }
        return best;
    }
}
