package org.deeprl4j.agents.ppo;

import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.function.DoubleFunction;
import org.deeprl4j.agents.Policy;
import org.deeprl4j.agents.StateBundle;
import org.deeprl4j.agents.LastGoodParams;
import org.deeprl4j.agents.TrainingDivergedException;
import org.deeprl4j.agents.Transitions;
import org.deeprl4j.env.Rng;
import org.deeprl4j.nn.Network;
import org.deeprl4j.replay.RolloutBuffer;

/**
 * Fills a {@link RolloutBuffer} from the environment loop for on-policy actor-critics (SB3's
 * {@code OnPolicyAlgorithm.collect_rollouts}): the behaviour policy samples actions and records
 * V(s) and log pi(a|s) of the same forward pass; {@link #observe} stores the step with the raw
 * (unclipped) actions and bootstraps time-outs; {@link #computeReturns} finishes the rollout with
 * GAE. Shared by PPO and A2C.
 */
public final class RolloutCollector {
    private final ActorCriticModel model;
    private final RolloutBuffer buffer;
    private final int numEnvs;
    private final int obsDim;
    private final double gamma;
    private final float[] rawActions;   // [numEnvs * actDim] actions as sampled, before clipping
    private final float[] values;       // [numEnvs] V(obs) of the last act
    private final float[] logProbs;     // [numEnvs]
    private final boolean[] episodeStarts;
    private final float[] lastNextObs;  // [numEnvs * obsDim]
    private final Policy behaviour;
    private final LastGoodParams lastGood;
    private final Rng rng;

    public RolloutCollector(ActorCriticModel model, int nSteps, int numEnvs, double gamma, Rng rng) {
        this.model = model;
        this.lastGood = new LastGoodParams(model.network());
        this.numEnvs = numEnvs;
        this.obsDim = model.obsDim();
        this.gamma = gamma;
        this.buffer = new RolloutBuffer(nSteps, obsDim, model.actDim(), numEnvs);
        this.rawActions = new float[numEnvs * model.actDim()];
        this.values = new float[numEnvs];
        this.logProbs = new float[numEnvs];
        this.episodeStarts = new boolean[numEnvs];
        Arrays.fill(episodeStarts, true); // the first observations start episodes
        this.lastNextObs = new float[numEnvs * obsDim];
        this.rng = rng;
        this.behaviour = (obs, n, step, actionsOut) -> {
            if (n != numEnvs) {
                throw new IllegalArgumentException("the behaviour policy acts for " + numEnvs + " envs, got " + n);
            }
            model.act(obs, n, rng, rawActions, actionsOut, values, logProbs);
        };
    }

    /** Samples actions; the env receives clipped Box actions, the buffer gets the raw ones. */
    public Policy behaviourPolicy() {
        return behaviour;
    }

    /**
     * Stores one vector step taken with the actions of the last {@link #behaviourPolicy()} call.
     * Time-outs (truncated, not terminated) fold {@code gamma * V(final obs)} into the reward
     * (SB3's time-out fix; PPO detail "handling of truncation"), one batched forward pass for all
     * such envs.
     */
    public void observe(Transitions t) {
        buffer.add(t.observations(), rawActions, t.rewards(), episodeStarts, values, logProbs);
        int timeouts = 0;
        for (int e = 0; e < numEnvs; e++) {
            timeouts += t.truncated()[e] && !t.terminated()[e] ? 1 : 0;
        }
        if (timeouts > 0) {
            float[] finals = new float[timeouts * obsDim]; // [timeouts * obsDim] real final observations
            int[] envs = new int[timeouts];
            int k = 0;
            for (int e = 0; e < numEnvs; e++) {
                if (t.truncated()[e] && !t.terminated()[e]) {
                    System.arraycopy(t.nextObservations(), e * obsDim, finals, k * obsDim, obsDim);
                    envs[k++] = e;
                }
            }
            float[] v = model.values(finals, timeouts);
            for (int j = 0; j < timeouts; j++) {
                buffer.addTimeoutBootstrap(envs[j], gamma, v[j]);
            }
        }
        for (int e = 0; e < numEnvs; e++) {
            // the next stored observation of a finished env is a reset observation: GAE must not
            // bootstrap through it
            episodeStarts[e] = t.terminated()[e] || t.truncated()[e];
        }
        System.arraycopy(t.nextObservations(), 0, lastNextObs, 0, lastNextObs.length);
    }

    /** Whether the rollout is complete. */
    public boolean full() {
        return buffer.full();
    }

    /**
     * GAE(lambda) advantages and returns of the full rollout, bootstrapped from V of the last next
     * observations (masked for envs whose episode just ended; time-outs were bootstrapped already).
     */
    public void computeReturns(double gaeLambda) {
        float[] lastValues = model.values(lastNextObs, numEnvs);
        buffer.computeReturnsAndAdvantages(lastValues, episodeStarts, gamma, gaeLambda);
    }

    /**
     * Finishes the full rollout and trains on it: GAE with {@code gaeLambda}, then
     * {@code train.apply(progress)} with {@code progress = step / totalSteps} (SB3 anneals with
     * {@code 1 - progress} at train time), then the buffer is reset. If the loss or the updated
     * parameters are not finite, the parameters from before this update are restored (the last
     * good model, for saving) and a {@link TrainingDivergedException} names the step.
     */
    public Map<String, Double> trainOnRollout(long step, long totalSteps, double gaeLambda,
                                              DoubleFunction<Map<String, Double>> train) {
        computeReturns(gaeLambda);
        Network net = model.network();
        try {
            return lastGood.guard(step, () -> {
                Map<String, Double> metrics = train.apply(Math.min(1.0, (double) step / Math.max(1, totalSteps)));
                if (!net.paramsFinite()) {
                    throw new TrainingDivergedException(step, "non-finite network parameters after the update");
                }
                return metrics;
            });
        } finally {
            buffer.reset();
        }
    }

    /**
     * Writes the partial rollout, the episode-start flags, the last next observations and the
     * sampling generator into section {@code name} (the agent's checkpoint).
     */
    public void saveState(StateBundle out, String name) throws IOException {
        out.put(name, o -> {
            buffer.save(o);
            for (boolean b : episodeStarts) {
                o.writeBoolean(b);
            }
            for (float x : lastNextObs) {
                o.writeFloat(x);
            }
        });
        out.putState(name + "_rng", new Rng[] {rng});
    }

    /** Restores a state written by {@link #saveState}. */
    public void loadState(StateBundle in, String name) throws IOException {
        boolean[] starts = new boolean[episodeStarts.length];
        float[] next = new float[lastNextObs.length];
        in.read(name, i -> {
            buffer.load(i);
            for (int e = 0; e < starts.length; e++) {
                starts[e] = i.readBoolean();
            }
            for (int k = 0; k < next.length; k++) {
                next[k] = i.readFloat();
            }
        });
        in.readState(name + "_rng", rng);
        System.arraycopy(starts, 0, episodeStarts, 0, starts.length);
        System.arraycopy(next, 0, lastNextObs, 0, next.length);
    }

    /** The rollout buffer (reset after each {@link #trainOnRollout}). */
    public RolloutBuffer buffer() {
        return buffer;
    }
}
