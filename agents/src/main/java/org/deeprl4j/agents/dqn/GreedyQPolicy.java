package org.deeprl4j.agents.dqn;

import org.deeprl4j.agents.Policy;
import org.deeprl4j.nn.Network;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Acts greedily on a Q-network: {@code argmax_a Q(s, a)}, one forward pass per batch. */
public final class GreedyQPolicy implements Policy {
    private final Network q;
    private final int obsDim;

    public GreedyQPolicy(Network q, int obsDim) {
        this.q = q;
        this.obsDim = obsDim;
    }

    @Override
    public void act(float[] observations, int n, long step, float[] actionsOut) {
        INDArray obs = Nd4j.create(observations, new long[] {n, obsDim}, 'c'); // [n, obsDim]
        float[] qValues = q.output(obs).data().asFloat();                       // [n, nActions] row-major
        int nActions = qValues.length / n;
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
