package org.deeprl4j.agents;

import org.deeprl4j.env.vector.ObservationNormalizer;

/**
 * A policy that normalizes raw observations with frozen statistics before acting: how a model
 * trained behind a {@link org.deeprl4j.env.vector.VecNormalize} acts on a plain env (see
 * {@link Algorithm#loadPolicy}). Not thread-safe (it reuses one buffer).
 */
public final class NormalizingPolicy implements Policy {
    private final Policy policy;
    private final ObservationNormalizer normalizer;
    private float[] normalized = new float[0];

    /**
     * @param policy     the policy that expects normalized observations
     * @param normalizer the statistics it was trained with
     */
    public NormalizingPolicy(Policy policy, ObservationNormalizer normalizer) {
        if (policy == null || normalizer == null) {
            throw new IllegalArgumentException("NormalizingPolicy needs a policy and a normalizer, got " + policy + ", " + normalizer);
        }
        this.policy = policy;
        this.normalizer = normalizer;
    }

    @Override
    public void act(float[] observations, int n, long step, float[] actionsOut) {
        int len = n * normalizer.obsDim();
        if (normalized.length != len) {
            normalized = new float[len]; // [n * obsDim]; reallocated only when the batch size changes
        }
        normalizer.apply(observations, n, normalized);
        policy.act(normalized, n, step, actionsOut);
    }

    /** The statistics applied. */
    public ObservationNormalizer normalizer() {
        return normalizer;
    }
}
