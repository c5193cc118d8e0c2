package org.deeprl4j.env.wrappers;

import java.util.OptionalLong;
import org.deeprl4j.env.Env;
import org.deeprl4j.env.EpisodeGuard;
import org.deeprl4j.env.Reset;
import org.deeprl4j.env.Step;

/**
 * Truncates episodes after {@code maxEpisodeSteps} steps (Gymnasium's {@code TimeLimit}): the
 * step that reaches the limit returns {@code truncated = true}; {@code terminated} is passed
 * through unchanged, so a terminal state on the last step stays terminal. Stepping on after the
 * truncation without a reset is an error.
 */
public class TimeLimit<O, A> extends Wrapper<O, A> {
    private final int maxEpisodeSteps;
    private final EpisodeGuard guard = new EpisodeGuard("TimeLimit");
    private int elapsed;

    public TimeLimit(Env<O, A> env, int maxEpisodeSteps) {
        super(env);
        if (maxEpisodeSteps <= 0) {
            throw new IllegalArgumentException("maxEpisodeSteps must be positive, got " + maxEpisodeSteps);
        }
        this.maxEpisodeSteps = maxEpisodeSteps;
    }

    public int maxEpisodeSteps() {
        return maxEpisodeSteps;
    }

    /** Steps taken in the current episode. */
    public int elapsedSteps() {
        return elapsed;
    }

    @Override
    public Reset<O> reset(OptionalLong seed) {
        guard.beforeReset();
        Reset<O> r = env.reset(seed);
        elapsed = 0;
        guard.afterReset();
        return r;
    }

    @Override
    public Step<O> step(A action) {
        guard.beforeStep();
        Step<O> s = env.step(action);
        elapsed++;
        if (elapsed >= maxEpisodeSteps && !s.truncated()) {
            s = new Step<>(s.observation(), s.reward(), s.terminated(), true, s.info());
        }
        guard.afterStep(s.terminated(), s.truncated());
        return s;
    }

    @Override
    public void close() {
        guard.close();
        env.close();
    }
}
