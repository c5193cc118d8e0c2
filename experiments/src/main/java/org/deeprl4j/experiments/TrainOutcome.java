package org.deeprl4j.experiments;

import java.nio.file.Path;
import org.deeprl4j.agents.EvalResult;
import org.deeprl4j.agents.TrainResult;

/**
 * What a finished run produced.
 *
 * @param model the final model file
 * @param bestModel the best model by periodic evaluation (null when no evaluation ran)
 * @param result training summary
 * @param finalEvaluation greedy evaluation of the final model
 */
public record TrainOutcome(Path model, Path bestModel, TrainResult result, EvalResult finalEvaluation) {
}
