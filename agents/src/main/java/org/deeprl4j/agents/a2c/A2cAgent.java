package org.deeprl4j.agents.a2c;

import java.util.LinkedHashMap;
import java.util.Map;
import java.io.IOException;
import org.deeprl4j.agents.Agent;
import org.deeprl4j.agents.Checkpointable;
import org.deeprl4j.agents.StateBundle;
import org.deeprl4j.agents.Policy;
import org.deeprl4j.agents.Schedule;
import org.deeprl4j.agents.TrainingDivergedException;
import org.deeprl4j.agents.Transitions;
import org.deeprl4j.agents.ppo.ActorCriticLoss;
import org.deeprl4j.agents.ppo.ActorCriticModel;
import org.deeprl4j.agents.ppo.RolloutCollector;
import org.deeprl4j.env.Rng;
import org.deeprl4j.env.spaces.Space;
import org.deeprl4j.nn.Network;
import org.deeprl4j.nn.OptimizerConfig;
import org.deeprl4j.replay.RolloutBatch;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Synchronous advantage actor-critic, <a href="https://arxiv.org/abs/1602.01783">Mnih et al. 2016</a>
 * (A2C: the synchronous, batched form of A3C), for Discrete and Box actions. The update
 * ({@link #train}) follows SB3's {@code A2C.train()}: one gradient step per rollout on all of it,
 * {@code L = -mean(A logp) + vf_coef mean((R - V)^2) - ent_coef mean(H)}. Rollout collection,
 * time-out bootstrapping and the loss gradients are shared with PPO.
 */
public final class A2cAgent implements Agent, Checkpointable {
    private final A2cConfig cfg;
    private final ActorCriticModel model;
    private final RolloutCollector collector;
    private final long totalSteps;
    private final Schedule lr;
    private long gradientUpdates;

    /**
     * @param totalSteps planned env steps (for the linear learning-rate schedule)
     * @param rng the agent's generator (a split of the root seed); seeds the network and sampling
     */
    public A2cAgent(A2cConfig cfg, Space<?> obsSpace, Space<?> actionSpace, long totalSteps, Rng rng) {
        this.cfg = cfg;
        this.totalSteps = totalSteps;
        OptimizerConfig opt = new OptimizerConfig(cfg.optimizer(), cfg.learningRate(), cfg.optimizerEps(),
                cfg.maxGradNorm(), 0);
        this.model = ActorCriticModel.create(obsSpace, actionSpace, cfg.netArch(), cfg.activation(), cfg.weightInit(),
                cfg.sharedBody(), cfg.logStdInit(), opt, rng.nextLong(), "A2C");
        this.collector = new RolloutCollector(model, cfg.nSteps(), cfg.numEnvs(), cfg.gamma(), rng.split());
        this.lr = cfg.lrSchedule().equals("linear") ? Schedule.linear(cfg.learningRate(), 0, 1)
                : Schedule.constant(cfg.learningRate());
    }

    @Override
    public Policy behaviourPolicy() {
        return collector.behaviourPolicy();
    }

    @Override
    public Policy greedyPolicy() {
        return model.greedyPolicy();
    }

    @Override
    public void observe(Transitions t, long step) {
        collector.observe(t);
    }

    @Override
    public Map<String, Double> update(long step) {
        if (!collector.full()) {
            return Map.of();
        }
        // GAE (PPO detail #5) with the value of the observation after the rollout, then the update
        return collector.trainOnRollout(step, totalSteps, cfg.gaeLambda(), this::train);
    }

    /** One A2C step on the whole rollout (the order of rows does not change a mean loss). */
    Map<String, Double> train(double progress) {
        Network net = model.network();
        double lrNow = lr.value(progress);
        net.setLearningRate(lrNow);
        // clip range 0: the vanilla policy gradient -A logp instead of PPO's clipped ratio
        ActorCriticLoss.Settings settings = new ActorCriticLoss.Settings(0, 0, cfg.entCoef(), cfg.vfCoef(),
                cfg.normalizeAdvantage());
        RolloutBatch all = collector.buffer().getAll();
        INDArray[] out = net.trainForward(all.observations()); // [N, nActions] or [N, actDim] x2; [N, 1]
        ActorCriticLoss.Result r = ActorCriticLoss.evaluate(out, all, model.discrete(), settings);
        if (!Double.isFinite(r.loss())) {
            throw new TrainingDivergedException(0, "non-finite A2C loss " + r.loss());
        }
        net.stepExternal(r.gradients());
        gradientUpdates++;
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("losses/policy_loss", r.policyLoss());
        m.put("losses/value_loss", r.valueLoss());
        m.put("losses/entropy", r.entropy());
        m.put("losses/loss", r.loss());
        m.put("losses/explained_variance", ActorCriticLoss.explainedVariance(all));
        m.put("charts/learning_rate", lrNow);
        m.put("train/n_updates", (double) gradientUpdates);
        return m;
    }

    /** The actor-critic network (outputs logits/mean, log_std for Box, value). */
    public Network network() {
        return model.network();
    }

    public A2cConfig config() {
        return cfg;
    }

    @Override
    public void saveState(StateBundle out) throws IOException {
        out.putNetwork("a2c/policy", model.network());
        collector.saveState(out, "a2c/rollout");
        out.putState("a2c/state", new Rng[0], gradientUpdates);
    }

    @Override
    public void loadState(StateBundle in) throws IOException {
        in.readNetwork("a2c/policy", model.network());
        collector.loadState(in, "a2c/rollout");
        gradientUpdates = in.readState("a2c/state")[0];
    }

    /** Gradient steps taken so far. */
    public long gradientUpdates() {
        return gradientUpdates;
    }
}
