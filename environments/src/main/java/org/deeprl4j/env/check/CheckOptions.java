package org.deeprl4j.env.check;

/**
 * Settings of {@link EnvChecker}.
 *
 * @param randomSteps length of the random action sequence replayed for the step and determinism
 *     checks (at least 1); episodes that end inside it are reset without a seed and continued
 * @param checkStepBeforeReset whether to check that {@code step()} before the first
 *     {@code reset()} throws {@link IllegalStateException}; only meaningful on an environment that
 *     has never been reset, so turn it off when checking one already in use
 * @param deterministic whether the environment promises identical results for the same seed and
 *     actions ({@code EnvSpec.deterministic}); when false, differences are warnings, not errors
 */
public record CheckOptions(int randomSteps, boolean checkStepBeforeReset, boolean deterministic) {
    /** The default number of random steps. */
    public static final int DEFAULT_RANDOM_STEPS = 1000;

    public CheckOptions {
        if (randomSteps < 1) {
            throw new IllegalArgumentException("randomSteps must be >= 1, got " + randomSteps);
        }
    }

    /** 1000 random steps, step-before-reset checked, determinism required. */
    public static CheckOptions defaults() {
        return new CheckOptions(DEFAULT_RANDOM_STEPS, true, true);
    }

    public CheckOptions withRandomSteps(int steps) {
        return new CheckOptions(steps, checkStepBeforeReset, deterministic);
    }

    public CheckOptions withCheckStepBeforeReset(boolean check) {
        return new CheckOptions(randomSteps, check, deterministic);
    }

    public CheckOptions withDeterministic(boolean det) {
        return new CheckOptions(randomSteps, checkStepBeforeReset, det);
    }
}
