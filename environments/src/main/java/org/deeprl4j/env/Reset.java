package org.deeprl4j.env;

import java.util.Map;

/**
 * What {@link Env#reset} returns: the first observation of an episode and an info map.
 *
 * @param observation the first observation
 * @param info extra diagnostics; never null, usually empty
 */
public record Reset<O>(O observation, Map<String, Object> info) {
    public Reset {
        if (info == null) {
            info = Map.of();
        }
    }

    /** A reset with an empty info map. */
    public static <O> Reset<O> of(O observation) {
        return new Reset<>(observation, Map.of());
    }
}
