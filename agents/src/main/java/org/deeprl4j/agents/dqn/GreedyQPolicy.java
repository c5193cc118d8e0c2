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
        float[] qValues; // [n, nActions] row-major
        int nActions;
        if (fast != null) {
            qValues = fast.outputs(observations, n)[0];
            nActions = fast.outputSize(0);
        } else {
            INDArray obs = Nd4j.create(observations, new long[] {n, obsDim}, 'c'); // [n, obsDim]
            qValues = q.output(obs).data().asFloat();
            nActions = qValues.length / n;
        }
        for (int i = 0; i < n; i++) {
            int best = 0;
            for (int a = 1; a < nActions; a++) {
                if (qValues[i * nActions + a] > qValues[i * nActions + best]) {
                    best = a;
                }
            }
            actionsOut[i] = best;
        }
    }
}
