package org.deeprl4j.agents;

/** Training produced NaN or infinite values (loss or observations); names the step. */
public class TrainingDivergedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final long step;

    public TrainingDivergedException(long step, String what) {
        super(what + " at step " + step);
        this.step = step;
    }

    public long step() {
        return step;
    }
}
