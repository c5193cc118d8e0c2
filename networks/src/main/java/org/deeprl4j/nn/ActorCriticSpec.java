package org.deeprl4j.nn;

import java.util.Objects;

/**
 * Bodies and head initialization of an on-policy actor-critic network ({@link PolicyNetworks}).
 *
 * <p>Shared: one MLP body feeds the policy and the value head (SB3's {@code share_features_extractor}
 * for CNNs, CleanRL's Atari PPO). Separate: the policy and the value function each have their own
 * MLP on the observation (CleanRL's {@code ppo.py} and SB3's MLP policies), still in one network
 * trained by one optimizer on the summed loss, with one global gradient norm. Both bodies use the
 * actor body's weight init (DL4J sets it network-wide), so the critic's must be the same.
 *
 * <p>DL4J has no orthogonal initializer, so CleanRL's {@code layer_init(..., std=0.01)} for the
 * policy head and {@code std=1} for the value head are approximated by multiplying the head's
 * initial weights by {@code policyInitScale} and {@code valueInitScale}: a small policy scale gives
 * the near-uniform initial policy (and small initial Gaussian means) that matters for PPO.
 *
 * @param actorBody       body of the policy (and of the value head when shared)
 * @param criticBody      body of the value head; equal to actorBody when shared
 * @param shared          whether the heads share one body
 * @param policyInitScale positive factor on the initial weights of the policy head (logits or mean)
 * @param valueInitScale  positive factor on the initial weights of the value head
 */
public record ActorCriticSpec(MlpSpec actorBody, MlpSpec criticBody, boolean shared, double policyInitScale,
                              double valueInitScale) {
    /** Initial-weight factor of the policy head in {@link #shared} and {@link #separate}. */
    public static final double DEFAULT_POLICY_INIT_SCALE = 0.01;

    public ActorCriticSpec {
        Objects.requireNonNull(actorBody, "actorBody");
        Objects.requireNonNull(criticBody, "criticBody");
        if (shared && !actorBody.equals(criticBody)) {
            throw new IllegalArgumentException("a shared body needs criticBody equal to actorBody, got "
                    + actorBody + " and " + criticBody);
        }
        if (!actorBody.weightInit().equals(criticBody.weightInit())) {
            throw new IllegalArgumentException("actor and critic bodies must use the same weightInit, got '"
                    + actorBody.weightInit() + "' and '" + criticBody.weightInit() + "'");
        }
        requireScale("policyInitScale", policyInitScale);
        requireScale("valueInitScale", valueInitScale);
    }

    private static void requireScale(String name, double v) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(name + " must be positive and finite, got " + v);
        }
    }

    /** One body for both heads; policy head weights scaled by 0.01, value head by 1. */
    public static ActorCriticSpec shared(MlpSpec body) {
        return new ActorCriticSpec(body, body, true, DEFAULT_POLICY_INIT_SCALE, 1.0);
    }

    /** Separate policy and value bodies; policy head weights scaled by 0.01, value head by 1. */
    public static ActorCriticSpec separate(MlpSpec actorBody, MlpSpec criticBody) {
        return new ActorCriticSpec(actorBody, criticBody, false, DEFAULT_POLICY_INIT_SCALE, 1.0);
    }

    /** This spec with other head initialization factors. */
    public ActorCriticSpec withInitScales(double policy, double value) {
        return new ActorCriticSpec(actorBody, criticBody, shared, policy, value);
    }
}
