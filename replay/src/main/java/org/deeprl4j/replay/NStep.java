package org.deeprl4j.replay;

/**
 * N-step return configuration for replay buffers.
 *
 * <p>Each stored transition covers a window of up to {@code n} consecutive steps of one env
 * stream: {@code (obs_t, a_t, sum_{k<K} gamma^k r_{t+k}, nextObs_{t+K-1}, done, gamma^K)} where
 * {@code K = n}, or {@code K < n} when the episode ended inside the window. {@code n = 1} gives
 * plain one-step transitions (whose discount is still {@code gamma}).
 *
 * @param n number of steps per window, at least 1
 * @param gamma discount factor in {@code [0, 1]}
 */
public record NStep(int n, double gamma) {
    public NStep {
        if (n < 1) {
            throw new IllegalArgumentException("n-step n must be >= 1, got " + n);
        }
        if (!(gamma >= 0.0 && gamma <= 1.0)) {
            throw new IllegalArgumentException("gamma must be in [0, 1], got " + gamma);
        }
    }

    /** Plain one-step transitions discounted by {@code gamma}. */
    public static NStep oneStep(double gamma) {
        return new NStep(1, gamma);
    }
}
