package org.deeprl4j.env;

import java.util.Map;

/**
 * What {@link Env#step} returns, with Gymnasium's semantics: {@code terminated} means the MDP
 * reached a terminal state (do not bootstrap), {@code truncated} means the episode was cut
 * (time limit; bootstrap from {@code observation}). There is never a single {@code done}.
 *
 * @param observation the observation after the action
 * @param reward the reward for the transition
 * @param terminated the MDP reached a terminal state
 * @param truncated the episode was cut short (e.g. by a time limit)
 * @param info extra diagnostics; never null, usually empty
 */
public record Step<O>(O observation, double reward, boolean terminated, boolean truncated, Map<String, Object> info) {
    public Step {
        if (info == null) {
            info = Map.of();
        }
    }

    /** A step with an empty info map. */
    public static <O> Step<O> of(O observation, double reward, boolean terminated, boolean truncated) {
        return new Step<>(observation, reward, terminated, truncated, Map.of());
    }

    /** True when the episode is over, for either reason. */
    public boolean done() {
        return terminated || truncated;
    }
}
