package org.deeprl4j.env;

/**
 * Enforces the order of calls on an environment: reset before step, no step after an episode
 * ended until the next reset, nothing after close. Shared by {@link BaseEnv} and wrappers.
 */
public final class EpisodeGuard implements java.io.Serializable {
    private enum State { NEEDS_RESET, RUNNING, TERMINATED, TRUNCATED, CLOSED }

    private final String owner;
    private State state = State.NEEDS_RESET;
    private long episodeSteps;

    public EpisodeGuard(String owner) {
        this.owner = owner;
    }

    /** Call at the start of reset. */
    public void beforeReset() {
        if (state == State.CLOSED) {
            throw new IllegalStateException(owner + ": reset() called after close()");
        }
    }

    /** Call after a successful reset. */
    public void afterReset() {
        state = State.RUNNING;
        episodeSteps = 0;
    }

    /** Call at the start of step. */
    public void beforeStep() {
        switch (state) {
            case RUNNING -> { }
            case NEEDS_RESET -> throw new IllegalStateException(owner + ": step() called before reset()");
            case TERMINATED -> throw new IllegalStateException(owner + ": step() called after the episode "
                    + "terminated (after " + episodeSteps + " steps); call reset() first");
            case TRUNCATED -> throw new IllegalStateException(owner + ": step() called after the episode "
                    + "was truncated (after " + episodeSteps + " steps); call reset() first");
            case CLOSED -> throw new IllegalStateException(owner + ": step() called after close()");
        }
    }

    /** Call after a successful step with its flags. */
    public void afterStep(boolean terminated, boolean truncated) {
        episodeSteps++;
        if (terminated) {
            state = State.TERMINATED;
        } else if (truncated) {
            state = State.TRUNCATED;
        }
    }

    /** Marks closed; returns false when it already was. */
    public boolean close() {
        boolean was = state == State.CLOSED;
        state = State.CLOSED;
        return !was;
    }

    public boolean isClosed() {
        return state == State.CLOSED;
    }

    /** Steps taken in the current episode. */
    public long episodeSteps() {
        return episodeSteps;
    }
}
