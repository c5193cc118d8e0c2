package org.deeprl4j.agents.td3;

import java.util.LinkedHashMap;
import java.util.Map;
import java.io.IOException;
import org.deeprl4j.agents.Agent;
import org.deeprl4j.agents.Checkpointable;
import org.deeprl4j.agents.StateBundle;
import org.deeprl4j.agents.LastGoodParams;
import org.deeprl4j.agents.Policy;
import org.deeprl4j.agents.TrainingDivergedException;
import org.deeprl4j.agents.Transitions;
import org.deeprl4j.agents.sac.ActionBounds;
import org.deeprl4j.env.Rng;
import org.deeprl4j.env.spaces.Space;
import org.deeprl4j.nn.MlpSpec;
import org.deeprl4j.nn.Network;
import org.deeprl4j.nn.OptimizerConfig;
import org.deeprl4j.nn.PolicyNetworks;
import org.deeprl4j.replay.NStep;
import org.deeprl4j.replay.ReplayBatch;
import org.deeprl4j.replay.ReplayBuffer;
import org.deeprl4j.replay.UniformReplayBuffer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Twin Delayed DDPG, <a href="https://arxiv.org/abs/1802.09477">Fujimoto et al. 2018</a>: twin
 * critics with the minimum in the target, target policy smoothing and delayed actor updates. The
 * update ({@link #train(int)}) follows CleanRL's {@code td3_continuous_action.py} and SB3's
 * {@code TD3.train()}.
 */
public final class Td3Agent implements Agent, Checkpointable {
    private final Td3Config cfg;
    private final ActionBounds bounds;
    private final double[] scale;
    private final Network actor;
    private final Network actorTarget;
    private final Network critic;       // twin critics q1, q2 in one network, one optimizer
    private final Network criticTarget;
    private final ReplayBuffer buffer;
    private final Rng rng;
    private final Rng behaviourRng;
    private final Policy behaviour;
    private final Policy greedy;
    private long vectorSteps;
    private long criticUpdates;
    private long actorUpdates;
    private final LastGoodParams lastGood;

    /**
     * @param cfg hyperparameters
     * @param obsSpace observation space (flattened to {@code flatDim} floats)
     * @param actionSpace a bounded Box; anything else is refused naming the space
     * @param rng the agent's generator (a split of the root seed); seeds the networks too
     */
    public Td3Agent(Td3Config cfg, Space<?> obsSpace, Space<?> actionSpace, Rng rng) {
        this.cfg = cfg;
        this.bounds = ActionBounds.of(actionSpace, "TD3");
        this.scale = bounds.scale();
        int obsDim = obsSpace.flatDim();
        int actDim = bounds.dim();
        this.rng = rng;
        OptimizerConfig opt = OptimizerConfig.adam(cfg.learningRate());
        MlpSpec body = new MlpSpec(cfg.netArch().stream().mapToInt(Integer::intValue).toArray(), cfg.activation(), "uniform");
        this.actor = PolicyNetworks.deterministicActor(obsDim, bounds.low(), bounds.high(), body, opt, rng.nextLong());
        this.actorTarget = actor.copy();
        this.critic = PolicyNetworks.qCritics(obsDim, actDim, 2, body, opt, rng.nextLong());
        this.lastGood = new LastGoodParams(actor, critic);
        this.criticTarget = critic.copy();
        this.buffer = new UniformReplayBuffer(cfg.bufferSize(), obsDim, actDim, cfg.numEnvs(), NStep.oneStep(cfg.gamma()));
        this.behaviourRng = rng.split();
        this.behaviour = Td3Policy.exploring(actor, obsDim, bounds, cfg.explorationNoise(), behaviourRng, cfg.learningStarts());
        this.greedy = Td3Policy.greedy(actor, obsDim, bounds);
    }

    @Override
    public Policy behaviourPolicy() {
        return behaviour;
    }

    @Override
    public Policy greedyPolicy() {
        return greedy;
    }

    @Override
    public void observe(Transitions t, long step) {
        t.addTo(buffer);
    }

    @Override
    public Map<String, Double> update(long step) {
        vectorSteps++;
        if (!Transitions.trainingDue(vectorSteps, cfg.trainFreq(), step, cfg.learningStarts(), buffer.size(), cfg.batchSize())) {
            return Map.of();
        }
        return lastGood.guard(step, () -> train(cfg.resolvedGradientSteps()));
    }

    /**
     * One training round of {@code gradientSteps} critic updates, each on a fresh minibatch:
     * critics on {@code L_Q = sum_k mean_i (Q_k(s,a) - y)^2} with
     * {@code y = r + gamma (1 - terminal) min_k Q'_k(s', clip(mu'(s') + clip(N(0, sigma), -c, c) scale, low, high))};
     * every {@code policy_delay}-th critic update also the actor on {@code L_mu = -mean_i Q_1(s, mu(s))}
     * and the Polyak update of both target networks.
     */
    Map<String, Double> train(int gradientSteps) {
        double qLoss = 0;
        double qMean = 0;
        double actorLoss = Double.NaN;
        for (int g = 0; g < gradientSteps; g++) {
            ReplayBatch b = buffer.sample(cfg.batchSize(), rng);
            int n = b.batchSize();
            // --- target policy smoothing: clipped noise on the target actor's action, then clipped to the box
            float[][] nextMu = actorTarget.output(b.nextObservations()).toFloatMatrix();   // [B][actDim]
            INDArray nextActions = Nd4j.create(smoothedActions(nextMu, rng, cfg.targetPolicyNoise(),
                    cfg.targetNoiseClip(), scale, bounds));                                   // [B, actDim]
            INDArray[] nextQ = criticTarget.outputs(b.nextObservations(), nextActions);     // q1', q2' [B, 1]
            float[] y = clippedDoubleQTargets(nextQ[0].toFloatVector(), nextQ[1].toFloatVector(),
                    b.rewards().toFloatVector(), b.discounts().toFloatVector(), b.dones().toFloatVector());
            // --- critic step: dL/dQ_k = 2 (Q_k - y) / B for each twin (MSE summed over the twins, as CleanRL)
            INDArray[] q = critic.trainForward(b.observations(), b.actions());              // q1, q2 [B, 1]
            float[] q1 = q[0].toFloatVector();
            float[] q2 = q[1].toFloatVector();
            float[] g1 = new float[n];
            float[] g2 = new float[n];
            double loss = 0;
            for (int i = 0; i < n; i++) {
                g1[i] = 2 * (q1[i] - y[i]) / n;
                g2[i] = 2 * (q2[i] - y[i]) / n;
                loss += ((double) (q1[i] - y[i]) * (q1[i] - y[i]) + (double) (q2[i] - y[i]) * (q2[i] - y[i])) / n;
                qMean += q1[i] / ((double) n * gradientSteps);
            }
            critic.stepExternal(column(g1), column(g2));
            if (!Double.isFinite(loss)) {
                throw new TrainingDivergedException(0, "non-finite critic loss " + loss);
            }
            qLoss += loss / gradientSteps;
            criticUpdates++;
            // --- delayed policy update (TD3's third trick): actor and targets every policy_delay critic updates
            if (criticUpdates % cfg.policyDelay() == 0) {
                actorLoss = updateActor(b.observations(), n);
                actorTarget.polyakFrom(actor, cfg.tau());
                criticTarget.polyakFrom(critic, cfg.tau());
            }
        }
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("losses/qf_loss", qLoss);
        m.put("losses/qf1_values", qMean);
        if (!Double.isNaN(actorLoss)) {
            m.put("losses/actor_loss", actorLoss);
        }
        m.put("train/n_updates", (double) criticUpdates);
        return m;
    }

    /** Deterministic policy gradient on {@code -mean Q_1(s, mu(s))}: dL/da from the critic, back through the actor. */
    private double updateActor(INDArray observations, int n) {
        INDArray mu = actor.trainForward(observations)[0].dup();                       // [B, actDim]
        INDArray[] q = critic.trainForward(observations, mu);                          // q1, q2 [B, 1]
        double loss = -q[0].meanNumber().doubleValue();
        INDArray dq1 = Nd4j.valueArrayOf(new long[] {n, 1}, -1f / n);                 // dL/dq1 [B, 1]
        INDArray dq2 = Nd4j.zeros(q[1].dataType(), n, 1);                              // q2 not in the actor loss
        INDArray dAction = critic.backpropToInputs(dq1, dq2)[1];                       // dL/da [B, actDim]
        actor.stepExternal(dAction);
        if (!Double.isFinite(loss)) {
            throw new TrainingDivergedException(0, "non-finite actor loss " + loss);
        }
        actorUpdates++;
        return loss;
    }

    /**
     * {@code clip(mu + clip(sigma * N(0, 1), -c, c) * scale, low, high)} per element (CleanRL scales
     * the clipped noise by the action half-range; SB3 does the same in its [-1, 1] action units).
     */
    static float[][] smoothedActions(float[][] mu, Rng rng, double sigma, double noiseClip, double[] scale,
                                     ActionBounds bounds) {
        float[][] out = new float[mu.length][];
        for (int i = 0; i < mu.length; i++) {
            out[i] = new float[mu[i].length];
            for (int j = 0; j < mu[i].length; j++) {
                double noise = Math.max(-noiseClip, Math.min(noiseClip, sigma * rng.nextGaussian())) * scale[j];
                out[i][j] = bounds.clip(mu[i][j] + noise, j);
            }
        }
        return out;
    }

    /** {@code y_i = r_i + discount_i (1 - done_i) min(q1_i, q2_i)}; done is 1 only for terminal states. */
    static float[] clippedDoubleQTargets(float[] q1, float[] q2, float[] rewards, float[] discounts, float[] dones) {
        float[] y = new float[q1.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = rewards[i] + discounts[i] * (1f - dones[i]) * Math.min(q1[i], q2[i]);
        }
        return y;
    }

    private static INDArray column(float[] v) {
        return Nd4j.create(v, new long[] {v.length, 1}, 'c'); // [B, 1]
    }

    public Network actor() {
        return actor;
    }

    public Network actorTarget() {
        return actorTarget;
    }

    /** The twin critics (outputs q1, q2). */
    public Network critic() {
        return critic;
    }

    public Network criticTarget() {
        return criticTarget;
    }

    public ActionBounds bounds() {
        return bounds;
    }

    public ReplayBuffer replayBuffer() {
        return buffer;
    }

    public Td3Config config() {
        return cfg;
    }

    /** Critic gradient steps so far. */
    public long criticUpdates() {
        return criticUpdates;
    }

    /** Actor gradient steps so far (one per {@code policy_delay} critic steps). */
    public long actorUpdates() {
        return actorUpdates;
    }

    @Override
    public void saveState(StateBundle out) throws IOException {
        out.putNetwork("td3/actor", actor);
        out.putNetwork("td3/actor_target", actorTarget);
        out.putNetwork("td3/critic", critic);
        out.putNetwork("td3/critic_target", criticTarget);
        out.put("td3/replay", buffer::save);
        out.putState("td3/state", new Rng[] {rng, behaviourRng}, vectorSteps, criticUpdates, actorUpdates);
    }

    @Override
    public void loadState(StateBundle in) throws IOException {
        in.readNetwork("td3/actor", actor);
        in.readNetwork("td3/actor_target", actorTarget);
        in.readNetwork("td3/critic", critic);
        in.readNetwork("td3/critic_target", criticTarget);
        in.read("td3/replay", buffer::load);
        long[] c = in.readState("td3/state", rng, behaviourRng);
        vectorSteps = c[0];
        criticUpdates = c[1];
        actorUpdates = c[2];
    }
}
