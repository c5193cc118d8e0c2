package org.deeprl4j.agents;

/** Training produced NaN or infinite values (loss or observations); names the step. */
public class TrainingDivergedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final long step;
    private final String what;

    public TrainingDivergedException(long step, String what) {
        super("training diverged at step " + step + ": " + what);
        this.step = step;
        this.what = what;
    }

    /** What went wrong, without the step. */
    public String what() {
        return what;
    }

    public long step() {
        return step;
    }
}
