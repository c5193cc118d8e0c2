package org.deeprl4j.env;

import java.util.OptionalLong;
import org.deeprl4j.env.spaces.Space;

/**
 * A reinforcement-learning environment with Gymnasium's semantics.
 *
 * <p>{@link #reset(long)} seeds the environment's own generator and starts an episode;
 * {@link #reset()} starts a new episode continuing the generator (on the very first reset without
 * a seed, the generator is seeded from OS entropy, as Gymnasium does). {@link #step} returns the
 * next observation, the reward and separate {@code terminated}/{@code truncated} flags. Stepping
 * before the first reset, or after an episode ended without a reset, throws
 * {@link IllegalStateException}. An action outside {@link #actionSpace()} throws
 * {@link InvalidActionException}. {@link #close()} is idempotent.
 *
 * @param <O> observation type ({@code float[]} for Box, {@code Integer} for Discrete, ...)
 * @param <A> action type ({@code Integer} for Discrete, {@code float[]} for Box, ...)
 */
public interface Env<O, A> extends AutoCloseable {

    Space<O> observationSpace();

    Space<A> actionSpace();

    /** Starts an episode; a present seed re-seeds the environment's generator first. */
    Reset<O> reset(OptionalLong seed);

    /** Starts an episode without re-seeding. */
    default Reset<O> reset() {
        return reset(OptionalLong.empty());
    }

    /** Re-seeds the environment's generator and starts an episode. */
    default Reset<O> reset(long seed) {
        return reset(OptionalLong.of(seed));
    }

    /** Applies one action. */
    Step<O> step(A action);

    /** Releases resources; calling it twice is harmless. */
    @Override
    void close();

    /** The innermost environment under any wrappers. */
    default Env<?, ?> unwrapped() {
        return this;
    }
}
