package org.deeprl4j.env.vector;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeprl4j.env.spaces.Box;
import org.deeprl4j.env.spaces.Space;
import org.deeprl4j.env.wrappers.RunningMeanStd;

/**
 * Normalizes the observations and scales the rewards of a whole vector environment with running
 * statistics shared by all sub-environments: Stable-Baselines3's {@code VecNormalize}
 * (rl-baselines3-zoo's {@code normalize: true}).
 *
 * <p>Per {@code step} (and {@code reset}), in SB3's order:
 * <ol>
 *   <li>while {@linkplain #training() training}, the observation statistics (one
 *       {@link RunningMeanStd} of {@code [obsDim]}) are updated with the whole batch of
 *       {@code numEnvs} raw observations (the rows of a SAME_STEP autoreset are the new episodes'
 *       first observations, as in SB3);</li>
 *   <li>every row becomes {@code clip((x - mean) / sqrt(var + epsilon), -clip_obs, clip_obs)}
 *       ({@link ObservationNormalizer#normalize}); the final observation ({@value VectorEnv#FINAL_OBS}) of
 *       an ended episode is normalized with the same statistics as the row it replaces, so a
 *       truncated episode's bootstrap value sees what the policy sees;</li>
 *   <li>while training, each sub-environment's discounted return {@code G = gamma * G + r} is
 *       updated and the batch of returns is added to the return statistics;</li>
 *   <li>rewards become {@code clip(r / sqrt(var(G) + epsilon), -clip_reward, clip_reward)} (the
 *       mean is not subtracted);</li>
 *   <li>{@code G} is set to 0 for every sub-environment whose episode ended (and for all on reset).</li>
 * </ol>
 * A batch holding a NaN or infinite observation (reward) leaves the observation (return)
 * statistics unchanged and the non-finite values pass through unnormalized, so the training loop's
 * NaN/inf check still stops the run and the saved statistics stay those of the last good step.
 * Episode statistics ({@value VectorEnv#EPISODE} in the info) come from the wrapped vector env and
 * stay raw, so monitors and evaluations report the environment's own returns. With
 * {@link #setTraining(boolean) setTraining(false)} the statistics and returns are frozen (SB3's
 * {@code training=False}). The observation space is the wrapped env's (as in SB3), although values
 * are normalized. {@link #statistics()} snapshots the state for model files; the whole wrapper is
 * {@link java.io.Serializable} for checkpoints.
 *
 * <p>The returned arrays and {@link VectorStep} belong to this wrapper and are reused, as for
 * every {@link VectorEnv}. Not thread-safe.
 */
public final class VecNormalize implements VectorEnv, java.io.Serializable {
    private final VectorEnv env;
    private final NormalizeSettings settings;
    private final RunningMeanStd obsRms;
    private final RunningMeanStd retRms = new RunningMeanStd(1);
    private final double[] returns;                       // [numEnvs] discounted return per sub-env
    private final VectorStep out;
    private final double[] batchMean;                     // [obsDim] scratch
    private final double[] batchVar;                      // [obsDim] scratch
    private final double[] retMean = new double[1];      // [1] scratch: batch mean of the returns
    private final double[] retVar = new double[1];       // [1] scratch: batch variance of the returns
    private boolean training = true;

    /**
     * @param env      the vector env to wrap (its observation space must be a {@link Box} when
     *                 observations are normalized; flatten others first)
     * @param settings what to normalize and how
     */
    public VecNormalize(VectorEnv env, NormalizeSettings settings) {
        if (env == null || settings == null) {
            throw new IllegalArgumentException("VecNormalize needs a vector env and settings, got " + env + ", " + settings);
        }
        Space<?> space = env.observationSpace();
        if (settings.normObs() && !(space instanceof Box<?>)) {
            throw new IllegalArgumentException("VecNormalize normalizes Box observations, got " + space
                    + "; flatten them first (FlattenObservation) or set norm_obs to false");
        }
        this.env = env;
        this.settings = settings;
        int obsDim = env.obsDim();
        this.obsRms = new RunningMeanStd(obsDim);
        this.returns = new double[env.numEnvs()];
        this.out = new VectorStep(env.numEnvs(), obsDim);
        this.batchMean = new double[obsDim];
        this.batchVar = new double[obsDim];
    }

    /** The wrapped vector env. */
    public VectorEnv inner() {
        return env;
    }

    public NormalizeSettings settings() {
        return settings;
    }

    /** Whether steps update the statistics (true until {@link #setTraining(boolean) setTraining(false)}). */
    public boolean training() {
        return training;
    }

    /** Freezes ({@code false}) or resumes ({@code true}) updating the statistics and returns. */
    public void setTraining(boolean training) {
        this.training = training;
    }

    /** A snapshot of the settings and statistics. */
    public NormalizationStats statistics() {
        return new NormalizationStats(settings, obsRms.state(), retRms.state());
    }

    /**
     * Replaces the statistics with saved ones (e.g. to continue training a saved model).
     *
     * @throws IllegalArgumentException if their settings or observation size differ from this wrapper's
     */
    public void setStatistics(NormalizationStats stats) {
        if (!settings.equals(stats.settings())) {
            throw new IllegalArgumentException("statistics saved with settings " + stats.settings()
                    + " do not fit a VecNormalize with " + settings);
        }
        if (stats.obsDim() != obsRms.size()) {
            throw new IllegalArgumentException("statistics of " + stats.obsDim() + " observation elements do not fit a"
                    + " VecNormalize of " + obsRms.size());
        }
        obsRms.setState(stats.obs());
        retRms.setState(stats.ret());
    }

    /** Frozen observation normalization with the current statistics (for evaluation envs and policies). */
    public ObservationNormalizer observationNormalizer() {
        return new ObservationNormalizer(obsRms.mean(), obsRms.var(), settings.epsilon(), settings.clipObs(),
                settings.normObs());
    }

    /** A copy of the running discounted return of each sub-environment. */
    public double[] returns() {
        return returns.clone();
    }

    @Override
    public int numEnvs() {
        return env.numEnvs();
    }

    @Override
    public Space<?> observationSpace() {
        return env.observationSpace();
    }

    @Override
    public Space<?> actionSpace() {
        return env.actionSpace();
    }

    @Override
    public int obsDim() {
        return env.obsDim();
    }

    @Override
    public int actionDim() {
        return env.actionDim();
    }

    @Override
    public AutoresetMode autoresetMode() {
        return env.autoresetMode();
    }

    @Override
    public float[] reset(long seed) {
        return afterReset(env.reset(seed));
    }

    @Override
    public float[] reset() {
        return afterReset(env.reset());
    }

    @Override
    public List<Map<String, Object>> resetInfos() {
        return env.resetInfos();
    }

    @Override
    public VectorStep step(int[] actions) {
        return afterStep(env.step(actions));
    }

    @Override
    public VectorStep step(float[] actions) {
        return afterStep(env.step(actions));
    }

    @Override
    public void close() {
        env.close();
    }

    private float[] afterReset(float[] raw) {
        out.clear();
        Arrays.fill(returns, 0.0);
        if (training && settings.normObs() && BatchMoments.allFinite(raw)) {
            updateObservationStatistics(raw);
        }
        normalizeRows(raw, out.observations);
        return out.observations;
    }

    private VectorStep afterStep(VectorStep s) {
        int n = returns.length;
        if (training && settings.normObs() && BatchMoments.allFinite(s.observations())) {
            updateObservationStatistics(s.observations());
        }
        normalizeRows(s.observations(), out.observations);
        double[] rewards = s.rewards();
        if (training && BatchMoments.allFinite(rewards)) {
            updateReturnStatistics(rewards);
        }
        double scale = Math.sqrt(retRms.var(0) + settings.epsilon());
        double clip = settings.clipReward();
        for (int i = 0; i < n; i++) {
            double r = rewards[i];
            out.rewards[i] = settings.normReward() && Double.isFinite(r) ? Math.max(-clip, Math.min(clip, r / scale)) : r;
            out.terminated[i] = s.terminated()[i];
            out.truncated[i] = s.truncated()[i];
            out.autoreset[i] = s.autoreset()[i];
            out.infos[i] = s.done(i) ? withNormalizedFinalObs(s.info(i)) : s.info(i);
            if (s.done(i)) {
                returns[i] = 0.0;
            }
        }
        return out;
    }

    /** Batch mean and population variance of the {@code [numEnvs, obsDim]} rows, merged into the statistics. */
    private void updateObservationStatistics(float[] raw) {
        BatchMoments.ofRows(raw, returns.length, batchMean, batchVar);
        obsRms.updateFromMoments(batchMean, batchVar, returns.length);
    }

    /** {@code G = gamma * G + r} per sub-env, then the batch of returns into the return statistics. */
    private void updateReturnStatistics(double[] rewards) {
        for (int i = 0; i < returns.length; i++) {
            returns[i] = returns[i] * settings.gamma() + rewards[i];
        }
        BatchMoments.of(returns, retMean, retVar);
        retRms.updateFromMoments(retMean, retVar, returns.length);
    }

    private void normalizeRows(float[] raw, float[] dst) {
        if (!settings.normObs()) {
            System.arraycopy(raw, 0, dst, 0, dst.length);
            return;
        }
        int d = batchMean.length;
        double eps = settings.epsilon();
        double clip = settings.clipObs();
        for (int k = 0; k < dst.length; k++) {
            int i = k % d;
            dst[k] = ObservationNormalizer.normalize(raw[k], obsRms.mean(i), obsRms.var(i), eps, clip);
        }
    }

    private Map<String, Object> withNormalizedFinalObs(Map<String, Object> info) {
        if (!settings.normObs() || !(info.get(FINAL_OBS) instanceof float[] fin)) {
            return info;
        }
        float[] normalized = new float[fin.length];
        normalizeRows(fin, normalized);
        Map<String, Object> copy = new LinkedHashMap<>(info);
        copy.put(FINAL_OBS, normalized);
        return Collections.unmodifiableMap(copy);
    }

    @Override
    public String toString() {
        return "VecNormalize(" + settings + (training ? "" : ", frozen") + ")<" + env + ">";
    }
}
