package org.deeprl4j.agents.reinforce;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.deeprl4j.agents.Agent;
import org.deeprl4j.agents.Policy;
import org.deeprl4j.agents.TrainingDivergedException;
import org.deeprl4j.agents.Transitions;
import org.deeprl4j.agents.ppo.ActorCriticLoss;
import org.deeprl4j.agents.ppo.ActorCriticModel;
import org.deeprl4j.env.Rng;
import org.deeprl4j.env.spaces.Space;
import org.deeprl4j.nn.Network;
import org.deeprl4j.nn.OptimizerConfig;
import org.deeprl4j.replay.RolloutBatch;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * REINFORCE with a learned baseline, <a href="https://doi.org/10.1007/BF00992696">Williams 1992</a>:
 * Monte-Carlo returns {@code G_t} of complete episodes, policy loss {@code -mean((G_t - V(s_t)) logp)},
 * baseline loss {@code mean((G_t - V(s_t))^2)}, one gradient step every {@code episodes_per_update}
 * finished episodes. The actor-critic network, the act path and the loss gradients are PPO's.
 * A time-limit cut (truncated, not terminated) starts the return at {@code V(final obs)} instead of 0.
 */
public final class ReinforceAgent implements Agent {
    private final ReinforceConfig cfg;
    private final ActorCriticModel model;
    private final int obsDim;
    private final int actDim;
    private final float[] rawActions;  // [numEnvs * actDim] as sampled by the last act
    private final Episode[] running;    // one unfinished episode per env
    private final Episode batch;        // finished episodes; rewards hold the returns G_t
    private final Policy behaviour;
    private int batchEpisodes;
    private long gradientUpdates;

    public ReinforceAgent(ReinforceConfig cfg, Space<?> obsSpace, Space<?> actionSpace, Rng rng) {
        this.cfg = cfg;
        OptimizerConfig opt = new OptimizerConfig("adam", cfg.learningRate(), 1e-8, cfg.maxGradNorm(), 0);
        this.model = ActorCriticModel.create(obsSpace, actionSpace, cfg.netArch(), cfg.activation(), cfg.weightInit(),
                false, cfg.logStdInit(), opt, rng.nextLong(), "REINFORCE");
        this.obsDim = model.obsDim();
        this.actDim = model.actDim();
        this.rawActions = new float[cfg.numEnvs() * actDim];
        this.running = new Episode[cfg.numEnvs()];
        for (int e = 0; e < running.length; e++) {
            running[e] = new Episode(obsDim, actDim);
        }
        this.batch = new Episode(obsDim, actDim);
        Rng sampling = rng.split();
        this.behaviour = (obs, n, step, out) -> model.act(obs, n, sampling, rawActions, out, null, null);
    }

    @Override
    public Policy behaviourPolicy() {
        return behaviour;
    }

    @Override
    public Policy greedyPolicy() {
        return model.greedyPolicy();
    }

    @Override
    public void observe(Transitions t, long step) {
        for (int e = 0; e < t.numEnvs(); e++) {
            running[e].add(t.observations(), e * obsDim, rawActions, e * actDim, t.rewards()[e]);
            if (t.terminated()[e] || t.truncated()[e]) {
                // a time-out is not a terminal state: the return continues with V(final observation)
                double tail = t.terminated()[e] ? 0
                        : model.values(Arrays.copyOfRange(t.nextObservations(), e * obsDim, (e + 1) * obsDim), 1)[0];
                running[e].toReturns(cfg.gamma(), tail);
                batch.append(running[e]);
                running[e].clear();
                batchEpisodes++;
            }
        }
    }

    @Override
    public Map<String, Double> update(long step) {
        if (batchEpisodes < cfg.episodesPerUpdate()) {
            return Map.of();
        }
        INDArray before = model.network().copyParams(null);
        try {
            return train();
        } catch (TrainingDivergedException e) {
            model.network().params().assign(before); // keep the last good model for saving
            throw new TrainingDivergedException(step, e.what());
        } finally {
            batch.clear();
            batchEpisodes = 0;
        }
    }

    /** One gradient step on all finished episodes; the baseline V(s) comes from the same forward pass. */
    Map<String, Double> train() {
        int n = batch.len;
        Network net = model.network();
        INDArray obs = Nd4j.create(Arrays.copyOf(batch.obs, n * obsDim), new long[] {n, obsDim}, 'c'); // [N, obsDim]
        INDArray[] out = net.trainForward(obs);
        float[] v = out[out.length - 1].reshape(n).toFloatVector(); // [N, 1] -> [N]
        float[] adv = new float[n];
        float[] returns = new float[n];
        for (int i = 0; i < n; i++) {
            returns[i] = (float) batch.rew[i];
            adv[i] = returns[i] - v[i]; // the baseline reduces variance without bias
        }
        RolloutBatch b = new RolloutBatch(obs, Nd4j.create(Arrays.copyOf(batch.act, n * actDim), new long[] {n, actDim}, 'c'),
                Nd4j.create(v, new long[] {n, 1}, 'c'), Nd4j.zeros(n, 1), Nd4j.create(adv, new long[] {n, 1}, 'c'),
                Nd4j.create(returns, new long[] {n, 1}, 'c'), new int[n]);
        ActorCriticLoss.Result r = ActorCriticLoss.evaluate(out, b, model.discrete(),
                new ActorCriticLoss.Settings(0, 0, cfg.entCoef(), cfg.vfCoef(), cfg.normalizeAdvantage()));
        if (!Double.isFinite(r.loss())) {
            throw new TrainingDivergedException(0, "non-finite REINFORCE loss " + r.loss());
        }
        net.stepExternal(r.gradients());
        gradientUpdates++;
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("losses/policy_loss", r.policyLoss());
        m.put("losses/value_loss", r.valueLoss());
        m.put("losses/entropy", r.entropy());
        m.put("losses/loss", r.loss());
        m.put("train/n_updates", (double) gradientUpdates);
        return m;
    }

    public Network network() {
        return model.network();
    }

    public long gradientUpdates() {
        return gradientUpdates;
    }

    /** Growable primitive storage of transitions: observations, raw actions, rewards (or returns). */
    private static final class Episode {
        private final int obsDim;
        private final int actDim;
        float[] obs;
        float[] act;
        double[] rew = new double[64];
        int len;

        Episode(int obsDim, int actDim) {
            this.obsDim = obsDim;
            this.actDim = actDim;
            this.obs = new float[64 * obsDim];
            this.act = new float[64 * actDim];
        }

        void add(float[] o, int oOff, float[] a, int aOff, double r) {
            if (len == rew.length) {
                rew = Arrays.copyOf(rew, 2 * len);
                obs = Arrays.copyOf(obs, 2 * len * obsDim);
                act = Arrays.copyOf(act, 2 * len * actDim);
            }
            System.arraycopy(o, oOff, obs, len * obsDim, obsDim);
            System.arraycopy(a, aOff, act, len * actDim, actDim);
            rew[len++] = r;
        }

        /** Rewards become discounted returns {@code G_t = r_t + gamma G_{t+1}}, {@code G_T = tail}. */
        void toReturns(double gamma, double tail) {
            double g = tail;
            for (int i = len - 1; i >= 0; i--) {
                g = rew[i] + gamma * g;
                rew[i] = g;
            }
        }

        void append(Episode other) {
            for (int i = 0; i < other.len; i++) {
                add(other.obs, i * obsDim, other.act, i * actDim, other.rew[i]);
            }
        }

        void clear() {
            len = 0;
        }
    }
}
