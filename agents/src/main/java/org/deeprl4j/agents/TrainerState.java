package org.deeprl4j.agents;

/**
 * The training loop's own state at a vector-step boundary: with the agent's
 * ({@link Checkpointable}) and the vector env's state it is everything a run needs to continue.
 *
 * @param observations   current observations {@code [numEnvs * obsDim]} (after auto-reset)
 * @param step           env steps taken
 * @param episodes       training episodes finished
 * @param nextEval       env step of the next periodic evaluation
 * @param bestEval       best mean evaluation return so far (NaN when none ran)
 * @param lastEval       the last evaluation, or null
 * @param elapsedSeconds wall time trained so far
 */
public record TrainerState(float[] observations, long step, long episodes, long nextEval, double bestEval,
                           EvalResult lastEval, double elapsedSeconds) {
    public TrainerState {
        observations = observations.clone();
    }
}
