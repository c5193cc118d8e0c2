package org.deeprl4j.agents.dqn;

import java.util.LinkedHashMap;
import java.util.Map;
import java.io.IOException;
import org.deeprl4j.agents.Agent;
import org.deeprl4j.agents.Checkpointable;
import org.deeprl4j.agents.StateBundle;
import org.deeprl4j.agents.EpsilonGreedy;
import org.deeprl4j.agents.LastGoodParams;
import org.deeprl4j.agents.Policy;
import org.deeprl4j.agents.Schedule;
import org.deeprl4j.agents.TrainingDivergedException;
import org.deeprl4j.agents.Transitions;
import org.deeprl4j.env.Rng;
import org.deeprl4j.env.spaces.Box;
import org.deeprl4j.env.spaces.Discrete;
import org.deeprl4j.env.spaces.Space;
import org.deeprl4j.nn.Loss;
import org.deeprl4j.nn.MlpSpec;
import org.deeprl4j.nn.Network;
import org.deeprl4j.nn.OptimizerConfig;
import org.deeprl4j.nn.QNetworks;
import org.deeprl4j.replay.NStep;
import org.deeprl4j.replay.PrioritizedReplayBuffer;
import org.deeprl4j.replay.ReplayBatch;
import org.deeprl4j.replay.ReplayBuffer;
import org.deeprl4j.replay.UniformReplayBuffer;

/**
 * Deep Q-Network, <a href="https://www.nature.com/articles/nature14236">Mnih et al. 2015</a>, with
 * the usual extensions as switches: Double DQN (van Hasselt et al. 2016), dueling heads (Wang et
 * al. 2016), prioritized replay (Schaul et al. 2016), n-step returns, hard or Polyak target
 * updates, Huber or MSE loss. The update ({@link #train(int)}) follows CleanRL's {@code dqn.py} and
 * SB3's {@code DQN.train()}.
 */
public final class DqnAgent implements Agent, Checkpointable {
    private final DqnConfig cfg;
    private final int obsDim;
    private final int nActions;
    private final Network q;
    private final Network target;
    private final ReplayBuffer buffer;
    private final Rng rng;
    private final Rng explorationRng;
    private final GreedyQPolicy greedy;
    private final GreedyQPolicy targetValues; // the target network's Q-values (FastNet when possible)
    private final RoundTargets roundTargets;
    private final EpsilonGreedy behaviour;
    private final int targetUpdateEvery;
    private long vectorSteps;
    private long gradientUpdates;
    private long trainRounds;
    /** Training rounds between two logged mean Q values (a forward pass each). */
    static final int Q_LOG_EVERY_ROUNDS = 16;
    private final LastGoodParams lastGood;

    /**
     * @param cfg hyperparameters
     * @param obsSpace observation space (flattened to {@code flatDim} floats)
     * @param actionSpace must be {@link Discrete}
     * @param totalSteps planned env steps (for the epsilon and beta schedules)
     * @param rng the agent's generator (a split of the root seed); seeds the network too
     */
    public DqnAgent(DqnConfig cfg, Space<?> obsSpace, Space<?> actionSpace, long totalSteps, Rng rng) {
        this.cfg = cfg;
        Discrete actions = requireDiscrete(actionSpace);
        this.obsDim = obsSpace.flatDim();
        this.nActions = actions.n();
        this.rng = rng;
        OptimizerConfig opt = new OptimizerConfig(cfg.optimizer(), cfg.learningRate(), cfg.optimizerEps(), cfg.maxGradNorm(), 0);
        MlpSpec body = new MlpSpec(cfg.netArch().stream().mapToInt(Integer::intValue).toArray(), cfg.activation(), cfg.weightInit());
        Loss loss = cfg.loss().equals("mse") ? Loss.MSE : Loss.HUBER;
        this.q = QNetworks.mlp(obsDim, nActions, body, cfg.dueling(), loss, opt, rng.nextLong());
        this.target = q.copy();
        this.lastGood = new LastGoodParams(q);
        NStep nstep = new NStep(cfg.nStep(), cfg.gamma());
        if (cfg.prioritized()) {
            long samples = Math.max(1, (totalSteps - cfg.learningStarts()) / ((long) cfg.trainFreq() * cfg.numEnvs())
                    * cfg.resolvedGradientSteps());
            buffer = new PrioritizedReplayBuffer(cfg.bufferSize(), obsDim, 1, cfg.numEnvs(), nstep,
                    cfg.priorityAlpha(), cfg.priorityBeta0(), samples, cfg.priorityEps());
        } else {
            buffer = new UniformReplayBuffer(cfg.bufferSize(), obsDim, 1, cfg.numEnvs(), nstep);
        }
        this.greedy = new GreedyQPolicy(q, obsDim);
        this.targetValues = new GreedyQPolicy(target, obsDim);
        this.roundTargets = new RoundTargets(targetValues, obsDim, nActions);
        this.explorationRng = rng.split();
        this.behaviour = new EpsilonGreedy(greedy, Schedule.linear(cfg.explorationInitialEps(),
                cfg.explorationFinalEps(), cfg.explorationFraction()), totalSteps, actions, explorationRng);
        this.targetUpdateEvery = Math.max(cfg.targetUpdateInterval() / cfg.numEnvs(), 1);
    }

    /** The action space as Discrete, or an error naming the space and the algorithms that fit it. */
    public static Discrete requireDiscrete(Space<?> actionSpace) {
        if (actionSpace instanceof Discrete d && d.start() == 0) {
            return d;
        }
        String hint = actionSpace instanceof Box<?>
                ? "; for continuous (Box) actions use an actor-critic algorithm such as PPO, SAC or TD3"
                : "; wrap the env so actions are Discrete(n) with start 0";
        throw new IllegalArgumentException("DQN needs a Discrete(n) action space, got " + actionSpace + hint);
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
        if (vectorSteps % targetUpdateEvery == 0) {
            target.polyakFrom(q, cfg.tau()); // SB3 counts the target interval in env steps, outside training rounds
        }
        if (!Transitions.trainingDue(vectorSteps, cfg.trainFreq(), step, cfg.learningStarts(), buffer.size(), cfg.batchSize())) {
            return Map.of();
        }
        Map<String, Double> metrics = lastGood.guard(step, () -> train(cfg.resolvedGradientSteps()));
        metrics.put("rollout/exploration_rate", behaviour.lastEpsilon());
        return metrics;
    }

    /**
     * One training round: {@code gradientSteps} minibatch updates of the Q-network on
     * {@code L = mean_i w_i * loss(Q(s_i, a_i), y_i)} with the TD target
     * {@code y = R^(n) + gamma^k * (1 - terminal) * Q_target(s', a*)}.
     */
    Map<String, Double> train(int gradientSteps) {
        double lossSum = 0;
        double qSum = Double.NaN;
        // Where the minibatches do not depend on the updates (uniform replay) and only the target
        // network looks at s' (vanilla DQN), the round's minibatches are drawn first (the same draws
        // in the same order) and Q_target(s') of all of them is computed at once (RoundTargets).
        boolean upFront = !cfg.prioritized() && !cfg.doubleDqn();
        ReplayBatch[] drawn = upFront ? new ReplayBatch[gradientSteps] : null;
        float[][] targetsDrawn = null;
        if (upFront) {
            for (int g = 0; g < gradientSteps; g++) {
                drawn[g] = buffer.sample(cfg.batchSize(), rng);
            }
            targetsDrawn = roundTargets.compute(drawn);
        }
        for (int g = 0; g < gradientSteps; g++) {
            ReplayBatch b = upFront ? drawn[g] : buffer.sample(cfg.batchSize(), rng);
            int batch = b.batchSize();
            float[] nextTarget;                                                          // [B, nActions] row-major
            float[] nextOnline;
            if (upFront) {
                nextTarget = targetsDrawn[g];
                nextOnline = nextTarget;
                drawn[g] = null;
            } else {
                float[] nextObs = b.nextObservationsData();                           // [B * obsDim]
                nextTarget = targetValues.qValues(nextObs, batch);
                nextOnline = cfg.doubleDqn() ? greedy.qValues(nextObs, batch) : nextTarget;
            }
            float[] rewards = b.rewardsData();     // [B] n-step discounted reward sums
            float[] discounts = b.discountsData(); // [B] gamma^k, k = real steps in the window
            float[] dones = b.donesData();         // [B] 1 only for terminal states
            float[] weights = b.weightsData();     // [B] importance weights (1 when uniform)
            float[] actions = b.actionsData();     // [B] action indices as floats
            int[] taken = new int[batch];
            float[] y = new float[batch];
            for (int i = 0; i < batch; i++) {
                taken[i] = (int) actions[i];
                // a* = argmax of the online net (Double DQN) or of the target net (vanilla DQN);
                // either way the target net evaluates it
                int best = GreedyQPolicy.argMax(nextOnline, i * nActions, nActions);
                // truncated (time-out) transitions have dones = 0 and bootstrap from the final observation
                y[i] = rewards[i] + discounts[i] * (1f - dones[i]) * nextTarget[i * nActions + best];
            }
            // labels: y in the taken action's column; mask: that column weighted by the importance
            // weight, so the loss is mean_i w_i * loss(Q(s_i, a_i), y_i) and other actions get no gradient
            QNetworks.TdTargets td = QNetworks.tdTargets(taken, y, weights, nActions); // [B, nActions] each
            // Q(s, a) before the step is needed for PER priorities; for the logged mean Q it costs a
            // forward pass per round (half the work of a round when gradient_steps = 1): every 16th round
            boolean logQ = g == gradientSteps - 1 && trainRounds % Q_LOG_EVERY_ROUNDS == 0;
            if (cfg.prioritized() || logQ) {
                // Q(s, a) before the step: TD errors for the priorities, and the logged Q values
                float[] current = greedy.qValues(b.observationsData(), batch); // [B, nActions] row-major
                double[] tdErrors = new double[batch];
                qSum = 0;
                for (int i = 0; i < batch; i++) {
                    float qa = current[i * nActions + taken[i]];
                    tdErrors[i] = y[i] - qa;
                    qSum += qa / batch;
                }
                buffer.updatePriorities(b.indices(), tdErrors); // no-op for uniform replay
            }
            double loss = q.fit(b.observationsData(), batch, td.labelData(), td.maskData());
            if (!Double.isFinite(loss)) {
                throw new TrainingDivergedException(0, "non-finite TD loss " + loss);
            }
            lossSum += loss;
            gradientUpdates++;
        }
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("losses/td_loss", lossSum / gradientSteps);
        if (!Double.isNaN(qSum)) {
            m.put("losses/q_values", qSum); // mean Q(s, a) of the last minibatch
        }
        trainRounds++;
        m.put("train/n_updates", (double) gradientUpdates);
        return m;
    }

    @Override
    public void saveState(StateBundle out) throws IOException {
        out.putNetwork("dqn/q", q);
        out.putNetwork("dqn/target", target);
        out.put("dqn/replay", buffer::save);
        out.putState("dqn/state", new Rng[] {rng, explorationRng}, vectorSteps, gradientUpdates, trainRounds);
    }

    @Override
    public void loadState(StateBundle in) throws IOException {
        in.readNetwork("dqn/q", q);
        in.readNetwork("dqn/target", target);
        in.read("dqn/replay", buffer::load);
        long[] counters = in.readState("dqn/state", rng, explorationRng);
        if (counters.length != 3) {
            throw new IOException("section 'dqn/state' holds " + counters.length + " counters, expected 3");
        }
        vectorSteps = counters[0];
        gradientUpdates = counters[1];
        trainRounds = counters[2];
    }

    /** The online Q-network. */
    public Network qNetwork() {
        return q;
    }

    /** The target Q-network. */
    public Network targetNetwork() {
        return target;
    }

    /** The replay buffer. */
    public ReplayBuffer replayBuffer() {
        return buffer;
    }

    public DqnConfig config() {
        return cfg;
    }

    /** Gradient steps taken so far. */
    public long gradientUpdates() {
        return gradientUpdates;
    }
}
