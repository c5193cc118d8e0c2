package org.deeprl4j.agents;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.deeprl4j.env.Env;
import org.deeprl4j.env.spaces.Discrete;
import org.deeprl4j.env.vector.AutoresetMode;
import org.deeprl4j.env.vector.VectorEnv;
import org.deeprl4j.env.vector.VectorStep;

/**
 * The one environment loop every agent uses: steps a vector env with the agent's behaviour policy,
 * hands transitions to {@link Agent#observe}, calls {@link Agent#update} every vector step,
 * records episode statistics and evaluates the greedy policy on a separate env.
 *
 * <p>The vector env must auto-reset in {@link AutoresetMode#SAME_STEP} mode, so the real final
 * observation of a finished episode comes from the step's info ({@code final_obs}) and goes into
 * the transition, while the loop continues from the reset observation.
 */
public final class Trainer {
    private final Agent agent;
    private final VectorEnv env;
    private final Supplier<Env<?, ?>> evalEnvFactory;
    private final List<TrainingListener> listeners;
    private volatile boolean stopRequested;

    public Trainer(Agent agent, VectorEnv env, Supplier<Env<?, ?>> evalEnvFactory, List<TrainingListener> listeners) {
        if (env.autoresetMode() != AutoresetMode.SAME_STEP) {
            throw new IllegalArgumentException("the training loop needs a vector env in SAME_STEP autoreset mode, got "
                    + env.autoresetMode());
        }
        this.agent = agent;
        this.env = env;
        this.evalEnvFactory = evalEnvFactory;
        this.listeners = List.copyOf(listeners);
    }

    /** Runs until {@code options.totalSteps()} env steps or early stop; throws on NaN observations or loss. */
    public TrainResult run(TrainOptions options) {
        return run(options, null, 0, null);
    }

    /**
     * Asks a running {@link #run} to stop after the current vector step: with a checkpoint sink it
     * first writes a checkpoint.
     * Safe to call from another thread (a signal handler).
     */
    public void requestStop() {
        stopRequested = true;
    }

    /**
     * Runs with checkpoints, optionally continuing from a checkpointed state.
     *
     * @param resume          the loop's state at the checkpoint (the agent and env must already hold
     *                        theirs), or null for a fresh run (the env is reset with the seed)
     * @param checkpointEvery call {@code sink} every this many env steps (0 = only when stopped)
     * @param sink            writes checkpoints, or null for none
     */
    public TrainResult run(TrainOptions options, TrainerState resume, long checkpointEvery, CheckpointSink sink) {
        long start = System.nanoTime() - (resume == null ? 0 : (long) (resume.elapsedSeconds() * 1e9));
        int n = env.numEnvs();
        int obsDim = env.obsDim();
        int actDim = env.actionDim();
        boolean discrete = env.actionSpace() instanceof Discrete;
        float[] obs = resume == null ? env.reset(options.seed()).clone() : resume.observations().clone(); // [n * obsDim]
        if (obs.length != n * obsDim) {
            throw new IllegalArgumentException("resumed observations have " + obs.length + " values, the env needs " + n * obsDim);
        }
        float[] nextObs = new float[n * obsDim];               // real next observations for the transitions
        float[] actions = new float[n * actDim];
        int[] discreteActions = new int[discrete ? n : 0];
        double[] rewards = new double[n];
        boolean[] terminated = new boolean[n];
        boolean[] truncated = new boolean[n];
        Transitions batch = new Transitions(obs, actions, rewards, nextObs, terminated, truncated, n);
        Policy behaviour = agent.behaviourPolicy();
        long step = resume == null ? 0 : resume.step();
        long episodes = resume == null ? 0 : resume.episodes();
        long nextEval = resume == null ? options.evalFrequency() : resume.nextEval();
        EvalResult lastEval = resume == null ? null : resume.lastEval();
        double bestEval = resume == null ? Double.NaN : resume.bestEval();
        long nextCheckpoint = checkpointEvery > 0 ? (step / checkpointEvery + 1) * checkpointEvery : Long.MAX_VALUE;
        boolean stopped = false;
        boolean interrupted = false;
        try (Env<?, ?> evalEnv = options.evalFrequency() > 0 ? evalEnvFactory.get() : null) {
            while (step < options.totalSteps() && !stopped && !interrupted) {
                behaviour.act(obs, n, step, actions);
                VectorStep vs;
                if (discrete) {
                    for (int i = 0; i < n; i++) {
                        discreteActions[i] = Math.round(actions[i]);
                    }
                    vs = env.step(discreteActions);
                } else {
                    vs = env.step(actions);
                }
                step += n;
                float[] stepObs = vs.observations();
                System.arraycopy(stepObs, 0, nextObs, 0, nextObs.length);
                for (int i = 0; i < n; i++) {
                    rewards[i] = vs.rewards()[i];
                    terminated[i] = vs.terminated()[i];
                    truncated[i] = vs.truncated()[i];
                    if (terminated[i] || truncated[i]) {
                        Map<String, Object> info = vs.info(i);
                        float[] fin = (float[]) info.get(VectorEnv.FINAL_OBS);
                        System.arraycopy(fin, 0, nextObs, i * obsDim, obsDim);
                        episodes++;
                        reportEpisode(step, i, info, start);
                    }
                }
                checkFinite(nextObs, rewards, step);
                agent.observe(batch, step);
                Map<String, Double> metrics = agent.update(step);
                for (TrainingListener l : listeners) {
                    l.onStep(step, metrics);
                }
                System.arraycopy(stepObs, 0, obs, 0, obs.length);
                if (evalEnv != null && step >= nextEval) {
                    nextEval += options.evalFrequency();
                    lastEval = Evaluator.evaluate(agent.greedyPolicy(), evalEnv, options.evalEpisodes(),
                            options.seed() + TrainOptions.EVAL_SEED_OFFSET);
                    bestEval = Double.isNaN(bestEval) ? lastEval.mean() : Math.max(bestEval, lastEval.mean());
                    for (TrainingListener l : listeners) {
                        l.onEvaluation(step, lastEval);
                    }
                    stopped = !Double.isNaN(options.stopAtReward()) && lastEval.mean() >= options.stopAtReward();
                }
                boolean stopNow = stopRequested;
                if (sink != null && (step >= nextCheckpoint || stopNow)) {
                    sink.checkpoint(new TrainerState(obs, step, episodes, nextEval, bestEval, lastEval,
                            (System.nanoTime() - start) / 1e9));
                    nextCheckpoint = checkpointEvery > 0 ? (step / checkpointEvery + 1) * checkpointEvery : Long.MAX_VALUE;
                    interrupted = stopNow;
                } else if (sink == null && stopNow) {
                    interrupted = true;
                }
            }
        }
        TrainResult result = new TrainResult(step, episodes, lastEval, bestEval, stopped, (System.nanoTime() - start) / 1e9,
                interrupted);
        for (TrainingListener l : listeners) {
            l.onEnd(result);
        }
        return result;
    }

    private void reportEpisode(long step, int i, Map<String, Object> info, long start) {
        if (!(info.get(VectorEnv.EPISODE) instanceof Map<?, ?> ep)) {
            return;
        }
        EpisodeRecord rec = new EpisodeRecord(step, i, ((Number) ep.get("r")).doubleValue(),
                ((Number) ep.get("l")).intValue(), (System.nanoTime() - start) / 1e9);
        for (TrainingListener l : listeners) {
            l.onEpisode(rec);
        }
    }

    private static void checkFinite(float[] obs, double[] rewards, long step) {
        for (int k = 0; k < obs.length; k++) {
            if (!Float.isFinite(obs[k])) {
                throw new TrainingDivergedException(step, "non-finite observation element " + k + " = " + obs[k]);
            }
        }
        for (int k = 0; k < rewards.length; k++) {
            if (!Double.isFinite(rewards[k])) {
                throw new TrainingDivergedException(step, "non-finite reward " + rewards[k] + " from env " + k);
            }
        }
    }
}
