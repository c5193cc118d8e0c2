package org.deeprl4j.agents.sac;

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
import org.deeprl4j.env.Rng;
import org.deeprl4j.env.spaces.Space;
import org.deeprl4j.nn.MlpSpec;
import org.deeprl4j.nn.Network;
import org.deeprl4j.nn.OptimizerConfig;
import org.deeprl4j.nn.PolicyNetworks;
import org.deeprl4j.nn.dist.SquashedGaussian;
import org.deeprl4j.replay.NStep;
import org.deeprl4j.replay.ReplayBatch;
import org.deeprl4j.replay.ReplayBuffer;
import org.deeprl4j.replay.UniformReplayBuffer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Soft Actor-Critic with automatic entropy tuning,
 * <a href="https://arxiv.org/abs/1812.05905">Haarnoja et al. 2018</a>. The update
 * ({@link #train(int)}) follows CleanRL's {@code sac_continuous_action.py} (critic, then actor,
 * then alpha on the actor's fresh sample) with SB3's defaults and schedule (actor updated every
 * gradient step, targets every {@code target_update_interval} gradient steps).
 */
public final class SacAgent implements Agent, Checkpointable {
    private final SacConfig cfg;
    private final ActionBounds bounds;
    private final Network actor;
    private final Network critic;       // twin critics q1, q2 in one network, one optimizer
    private final Network criticTarget;
    private final ReplayBuffer buffer;
    private final Rng rng;
    private final Rng behaviourRng;
    private final Policy behaviour;
    private final Policy greedy;
    private final double targetEntropy;
    private final ScalarAdam alphaOptimizer;
    private double logAlpha;
    private long vectorSteps;
    private long gradientUpdates;
    private final LastGoodParams lastGood;

    /**
     * @param cfg hyperparameters
     * @param obsSpace observation space (flattened to {@code flatDim} floats)
     * @param actionSpace a bounded Box; anything else is refused naming the space
     * @param rng the agent's generator (a split of the root seed); seeds the networks too
     */
    public SacAgent(SacConfig cfg, Space<?> obsSpace, Space<?> actionSpace, Rng rng) {
        this.cfg = cfg;
        this.bounds = ActionBounds.of(actionSpace, "SAC");
        int obsDim = obsSpace.flatDim();
        int actDim = bounds.dim();
        this.rng = rng;
        OptimizerConfig opt = OptimizerConfig.adam(cfg.learningRate());
        MlpSpec body = new MlpSpec(cfg.netArch().stream().mapToInt(Integer::intValue).toArray(), cfg.activation(), "uniform");
        this.actor = PolicyNetworks.sacActor(obsDim, actDim, body, opt, rng.nextLong());
        this.critic = PolicyNetworks.qCritics(obsDim, actDim, 2, body, opt, rng.nextLong());
        this.lastGood = new LastGoodParams(actor, critic);
        this.criticTarget = critic.copy();
        this.buffer = new UniformReplayBuffer(cfg.bufferSize(), obsDim, actDim, cfg.numEnvs(), NStep.oneStep(cfg.gamma()));
        this.targetEntropy = cfg.resolvedTargetEntropy(actDim);
        this.logAlpha = Math.log(cfg.initialEntCoef());
        this.alphaOptimizer = cfg.autoEntCoef() ? new ScalarAdam(cfg.learningRate()) : null;
        this.behaviourRng = rng.split();
        this.behaviour = SacPolicy.sampling(actor, obsDim, bounds, behaviourRng, cfg.learningStarts());
        this.greedy = SacPolicy.greedy(actor, obsDim, bounds);
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
     * One training round of {@code gradientSteps} updates, each on a fresh minibatch:
     * <ol>
     * <li>critics: {@code L_Q = sum_k mean_i (Q_k(s,a) - y)^2} with the soft target
     *     {@code y = r + gamma (1 - terminal) (min_k Q'_k(s', a') - alpha log pi(a'|s'))}, {@code a' ~ pi(.|s')};</li>
     * <li>actor: {@code L_pi = mean_i (alpha log pi(a~|s) - min_k Q_k(s, a~))}, {@code a~} reparameterized;</li>
     * <li>alpha (when auto): {@code L_alpha = -mean_i log_alpha (log pi(a~|s) + target_entropy)} (SB3's form);</li>
     * <li>Polyak update of the target critics.</li>
     * </ol>
     */
    Map<String, Double> train(int gradientSteps) {
        double qLoss = 0;
        double actorLoss = 0;
        double alphaLoss = 0;
        double qMean = 0;
        for (int g = 0; g < gradientSteps; g++) {
            ReplayBatch b = buffer.sample(cfg.batchSize(), rng);
            int n = b.batchSize();
            double alpha = Math.exp(logAlpha); // detached: the same alpha in the critic target and the actor loss
            // --- critic target, no gradient: a fresh sample of the current policy at s'
            INDArray[] nextPi = actor.outputs(b.nextObservations());                  // mean, log_std [B, actDim]
            SquashedGaussian.Sample next = squashed(nextPi).rsample(rng);
            INDArray[] nextQ = criticTarget.outputs(b.nextObservations(), next.actionArray()); // q1', q2' [B, 1]
            double[] y = softTargets(nextQ[0].toFloatVector(), nextQ[1].toFloatVector(), next.logProb(), alpha,
                    b.rewards().toFloatVector(), b.discounts().toFloatVector(), b.dones().toFloatVector());
            // --- critic step: dL/dQ_k = 2 (Q_k - y) / B for each twin (MSE summed over the twins, as CleanRL)
            INDArray[] q = critic.trainForward(b.observations(), b.actions());            // q1, q2 [B, 1]
            float[] q1 = q[0].toFloatVector();
            float[] q2 = q[1].toFloatVector();
            float[] g1 = new float[n];
            float[] g2 = new float[n];
            double loss = 0;
            for (int i = 0; i < n; i++) {
                g1[i] = (float) (2 * (q1[i] - y[i]) / n);
                g2[i] = (float) (2 * (q2[i] - y[i]) / n);
                loss += ((q1[i] - y[i]) * (q1[i] - y[i]) + (q2[i] - y[i]) * (q2[i] - y[i])) / n;
                qMean += q1[i] / ((double) n * gradientSteps);
            }
            critic.stepExternal(column(g1), column(g2));
            // --- actor step through the reparameterized sample and the (just updated) critics
            INDArray[] pi = actor.trainForward(b.observations());                       // mean, log_std [B, actDim]
            SquashedGaussian.Sample s = squashed(pi).rsample(rng);
            double[] logp = s.logProb();
            INDArray[] qPi = critic.trainForward(b.observations(), s.actionArray());   // q1, q2 [B, 1]
            float[] qp1 = qPi[0].toFloatVector();
            float[] qp2 = qPi[1].toFloatVector();
            float[] dq1 = new float[n];
            float[] dq2 = new float[n];
            double[] dLogProb = new double[n];
            double aLoss = 0;
            double entropyErr = 0;
            for (int i = 0; i < n; i++) {
                boolean first = qp1[i] <= qp2[i];  // the gradient of min(q1, q2) flows to the smaller twin
                dq1[i] = first ? -1f / n : 0f;
                dq2[i] = first ? 0f : -1f / n;
                dLogProb[i] = alpha / n;
                aLoss += (alpha * logp[i] - Math.min(qp1[i], qp2[i])) / n;
                entropyErr += (logp[i] + targetEntropy) / n;
            }
            INDArray dAction = critic.backpropToInputs(column(dq1), column(dq2))[1]; // dL/da [B, actDim]
            actor.stepExternal(s.backward(dLogProb, dAction));                       // {dL/dmean, dL/dlog_std}
            // --- entropy coefficient: dL_alpha/dlog_alpha = -mean(log pi + target_entropy)
            if (alphaOptimizer != null) {
                alphaLoss += -logAlpha * entropyErr / gradientSteps;
                logAlpha = alphaOptimizer.step(logAlpha, -entropyErr);
            }
            if (!Double.isFinite(loss) || !Double.isFinite(aLoss) || !Double.isFinite(logAlpha)) {
                throw new TrainingDivergedException(0, "non-finite loss: critic " + loss + ", actor " + aLoss
                        + ", log_alpha " + logAlpha);
            }
            qLoss += loss / gradientSteps;
            actorLoss += aLoss / gradientSteps;
            gradientUpdates++;
            if (gradientUpdates % cfg.targetUpdateInterval() == 0) {
                criticTarget.polyakFrom(critic, cfg.tau());
            }
        }
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("losses/qf_loss", qLoss);
        m.put("losses/qf1_values", qMean);
        m.put("losses/actor_loss", actorLoss);
        m.put("losses/alpha", alpha());
        if (alphaOptimizer != null) {
            m.put("losses/alpha_loss", alphaLoss);
        }
        m.put("train/n_updates", (double) gradientUpdates);
        return m;
    }

    /**
     * {@code y_i = r_i + discount_i (1 - done_i) (min(q1_i, q2_i) - alpha logp_i)}: discount is
     * gamma^k and done is 1 only for terminal states, so time-outs bootstrap from the final observation.
     */
    static double[] softTargets(float[] q1, float[] q2, double[] logp, double alpha, float[] rewards,
                                float[] discounts, float[] dones) {
        double[] y = new double[q1.length];
        for (int i = 0; i < y.length; i++) {
            double soft = Math.min(q1[i], q2[i]) - alpha * logp[i];
            y[i] = rewards[i] + discounts[i] * (1.0 - dones[i]) * soft;
        }
        return y;
    }

    private SquashedGaussian squashed(INDArray[] meanLogStd) {
        return new SquashedGaussian(meanLogStd[0], meanLogStd[1], bounds.scale(), bounds.bias());
    }

    private static INDArray column(float[] v) {
        return Nd4j.create(v, new long[] {v.length, 1}, 'c'); // [B, 1]
    }

    /** The current entropy coefficient alpha. */
    public double alpha() {
        return Math.exp(logAlpha);
    }

    /** The actor network (outputs mean and log_std). */
    public Network actor() {
        return actor;
    }

    /** The twin critics (outputs q1, q2). */
    public Network critic() {
        return critic;
    }

    /** The target twin critics. */
    public Network criticTarget() {
        return criticTarget;
    }

    public ActionBounds bounds() {
        return bounds;
    }

    public ReplayBuffer replayBuffer() {
        return buffer;
    }

    public SacConfig config() {
        return cfg;
    }

    /** Gradient steps taken so far. */
    public long gradientUpdates() {
        return gradientUpdates;
    }

    @Override
    public void saveState(StateBundle out) throws IOException {
        out.putNetwork("sac/actor", actor);
        out.putNetwork("sac/critic", critic);
        out.putNetwork("sac/critic_target", criticTarget);
        out.put("sac/replay", buffer::save);
        out.put("sac/alpha", o -> {
            o.writeDouble(logAlpha);
            o.writeBoolean(alphaOptimizer != null);
            if (alphaOptimizer != null) {
                alphaOptimizer.writeTo(o);
            }
        });
        out.putState("sac/state", new Rng[] {rng, behaviourRng}, vectorSteps, gradientUpdates);
    }

    @Override
    public void loadState(StateBundle in) throws IOException {
        in.readNetwork("sac/actor", actor);
        in.readNetwork("sac/critic", critic);
        in.readNetwork("sac/critic_target", criticTarget);
        in.read("sac/replay", buffer::load);
        in.read("sac/alpha", i -> {
            double la = i.readDouble();
            if (i.readBoolean() != (alphaOptimizer != null)) {
                throw new IOException("checkpoint and config disagree on ent_coef auto-tuning");
            }
            if (alphaOptimizer != null) {
                alphaOptimizer.readFrom(i);
            }
            logAlpha = la;
        });
        long[] c = in.readState("sac/state", rng, behaviourRng);
        vectorSteps = c[0];
        gradientUpdates = c[1];
    }
}
