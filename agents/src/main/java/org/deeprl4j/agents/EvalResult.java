package org.deeprl4j.agents;

import java.util.Arrays;

/**
 * Returns of evaluation episodes.
 *
 * @param returns one undiscounted return per episode
 * @param lengths one length per episode
 */
public record EvalResult(double[] returns, int[] lengths) {
    public double mean() {
        return Arrays.stream(returns).average().orElse(Double.NaN);
    }

    public double std() {
        double m = mean();
        return Math.sqrt(Arrays.stream(returns).map(r -> (r - m) * (r - m)).average().orElse(Double.NaN));
    }

    public double meanLength() {
        return Arrays.stream(lengths).average().orElse(Double.NaN);
    }

    @Override
    public String toString() {
        return String.format("%.2f +/- %.2f over %d episodes", mean(), std(), returns.length);
    }
}
