package org.deeprl4j.agents;

import java.util.Map;

/** Receives what happens during training: progress bars, CSV writers, loggers. */
public interface TrainingListener {
    default void onEpisode(EpisodeRecord episode) {
    }

    /** After each vector step; {@code metrics} is empty when the agent did not train. */
    default void onStep(long step, Map<String, Double> metrics) {
    }

    default void onEvaluation(long step, EvalResult result) {
    }

    default void onEnd(TrainResult result) {
    }
}
