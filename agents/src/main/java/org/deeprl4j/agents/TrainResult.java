package org.deeprl4j.agents;

/**
 * Summary of a training run.
 *
 * @param steps env steps taken
 * @param episodes training episodes finished
 * @param lastEvaluation the last evaluation, or null when none ran
 * @param bestEvaluationMean best mean evaluation return (NaN when none ran)
 * @param stoppedEarly whether training stopped at the reward threshold
 * @param seconds wall-clock duration (for a resumed run: including the time before the checkpoint)
 * @param interrupted whether the run stopped on request ({@link Trainer#requestStop}) before its end
 */
public record TrainResult(long steps, long episodes, EvalResult lastEvaluation, double bestEvaluationMean,
                          boolean stoppedEarly, double seconds, boolean interrupted) {
    /** A run that was not interrupted. */
    public TrainResult(long steps, long episodes, EvalResult lastEvaluation, double bestEvaluationMean,
                       boolean stoppedEarly, double seconds) {
        this(steps, episodes, lastEvaluation, bestEvaluationMean, stoppedEarly, seconds, false);
    }

    /** Env steps per second. */
    public double stepsPerSecond() {
        return seconds > 0 ? steps / seconds : Double.NaN;
    }
}
