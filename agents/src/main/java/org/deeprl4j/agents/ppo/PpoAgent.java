package org.deeprl4j.agents.ppo;

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
import org.deeprl4j.env.Rng;
import org.deeprl4j.env.spaces.Space;
import org.deeprl4j.nn.Network;
import org.deeprl4j.nn.OptimizerConfig;
import org.deeprl4j.replay.RolloutBatch;
import org.deeprl4j.replay.RolloutBuffer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Proximal Policy Optimization, <a href="https://arxiv.org/abs/1707.06347">Schulman et al. 2017</a>,
 * clipped-surrogate variant, for Discrete and Box actions. The update ({@link #train}) follows
 * CleanRL's {@code ppo.py} and SB3's {@code PPO.train()}; comments cite "The 37 Implementation
 * Details of PPO" (Huang et al., ICLR blog track 2022) by number.
 */
public final class PpoAgent implements Agent, Checkpointable {
    /** Adam epsilon of SB3's and CleanRL's PPO (detail #3), instead of PyTorch's 1e-8. */
    public static final double ADAM_EPS = 1e-5;

    private final PpoConfig cfg;
    private final ActorCriticModel model;
    private final RolloutCollector collector;
    private final Rng rng;
    private final long totalSteps;
    private final Schedule lr;
    private final Schedule clip;
    private long gradientUpdates;

    /**
     * @param totalSteps planned env steps (for the linear schedules)
     * @param rng the agent's generator (a split of the root seed); seeds the network, sampling and shuffling
     */
    public PpoAgent(PpoConfig cfg, Space<?> obsSpace, Space<?> actionSpace, long totalSteps, Rng rng) {
        this.cfg = cfg;
        this.rng = rng;
        this.totalSteps = totalSteps;
        // global gradient clipping (detail #11) lives in the optimizer config, applied in stepExternal
        OptimizerConfig opt = new OptimizerConfig("adam", cfg.learningRate(), ADAM_EPS, cfg.maxGradNorm(), 0);
        this.model = ActorCriticModel.create(obsSpace, actionSpace, cfg.netArch(), cfg.activation(), cfg.weightInit(),
                cfg.sharedBody(), cfg.logStdInit(), opt, rng.nextLong(), "PPO");
        this.collector = new RolloutCollector(model, cfg.nSteps(), cfg.numEnvs(), cfg.gamma(), rng.split());
        // learning-rate annealing (detail #4) and clip-range annealing, as functions of progress
        this.lr = PpoConfig.schedule(cfg.lrSchedule(), cfg.learningRate());
        this.clip = PpoConfig.schedule(cfg.clipRangeSchedule(), cfg.clipRange());
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

    /**
     * One PPO update on the full rollout: {@code n_epochs} passes over shuffled minibatches
     * (detail #6), each a step of Adam on {@code L = L_clip + vf_coef L_V - ent_coef H} through the
     * one actor-critic network, so policy and value heads get their gradients in one step.
     *
     * @param progress fraction of training done, in [0, 1]
     */
    Map<String, Double> train(double progress) {
        Network net = model.network();
        double lrNow = lr.value(progress);
        net.setLearningRate(lrNow);
        ActorCriticLoss.Settings settings = new ActorCriticLoss.Settings(clip.value(progress), cfg.clipRangeVf(),
                cfg.entCoef(), cfg.vfCoef(), cfg.normalizeAdvantage());
        RolloutBuffer buffer = collector.buffer();
        double pg = 0;
        double vl = 0;
        double ent = 0;
        double kl = 0;
        double clipFrac = 0;
        double loss = 0;
        int batches = 0;
        boolean continueTraining = true;
        for (int epoch = 0; epoch < cfg.nEpochs() && continueTraining; epoch++) {
            for (RolloutBatch b : buffer.minibatches(cfg.batchSize(), rng)) {
                INDArray[] out = net.trainForward(b.observations()); // [B, nActions] or [B, actDim] x2; [B, 1]
                ActorCriticLoss.Result r = ActorCriticLoss.evaluate(out, b, model.discrete(), settings);
                if (!Double.isFinite(r.loss())) {
                    throw new TrainingDivergedException(0, "non-finite PPO loss " + r.loss());
                }
                // target-KL early stop as SB3: checked before the step, at 1.5 * target_kl (detail: "early stopping")
                if (cfg.targetKl() > 0 && r.approxKl() > 1.5 * cfg.targetKl()) {
                    continueTraining = false;
                    break;
                }
                net.stepExternal(r.gradients());
                gradientUpdates++;
                batches++;
                pg += r.policyLoss();
                vl += r.valueLoss();
                ent += r.entropy();
                kl += r.approxKl();
                clipFrac += r.clipFraction();
                loss = r.loss();
            }
        }
        Map<String, Double> m = new LinkedHashMap<>();
        int d = Math.max(batches, 1);
        m.put("losses/policy_loss", pg / d);
        m.put("losses/value_loss", vl / d);
        m.put("losses/entropy", ent / d);
        m.put("losses/approx_kl", kl / d);
        m.put("losses/clipfrac", clipFrac / d);
        m.put("losses/loss", loss);
        m.put("losses/explained_variance", ActorCriticLoss.explainedVariance(buffer.getAll()));
        m.put("charts/learning_rate", lrNow);
        m.put("train/clip_range", settings.clipRange());
        m.put("train/n_updates", (double) gradientUpdates);
        m.put("train/early_stopped", continueTraining ? 0.0 : 1.0);
        return m;
    }

    @Override
    public void saveState(StateBundle out) throws IOException {
        out.putNetwork("ppo/policy", model.network());
        collector.saveState(out, "ppo/rollout");
        out.putState("ppo/state", new Rng[] {rng}, gradientUpdates);
    }

    @Override
    public void loadState(StateBundle in) throws IOException {
        in.readNetwork("ppo/policy", model.network());
        collector.loadState(in, "ppo/rollout");
        gradientUpdates = in.readState("ppo/state", rng)[0];
    }

    /** The actor-critic network (outputs logits/mean, log_std for Box, value). */
    public Network network() {
        return model.network();
    }

    public ActorCriticModel model() {
        return model;
    }

    public PpoConfig config() {
        return cfg;
    }

    /** Gradient steps taken so far. */
    public long gradientUpdates() {
        return gradientUpdates;
    }
}
