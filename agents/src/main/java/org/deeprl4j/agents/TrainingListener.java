package org.deeprl4j.agents;

import java.util.Map;

/** Receives what happens during training: progress bars, CSV writers, loggers. */
public interface TrainingListener {
    /** A listener for finished training episodes only, e.g. {@code episodes(e -> log(e.episodeReturn()))}. */
    static TrainingListener episodes(java.util.function.Consumer<EpisodeRecord> onEpisode) {
        java.util.Objects.requireNonNull(onEpisode, "onEpisode");
        return new TrainingListener() {
            @Override
            public void onEpisode(EpisodeRecord episode) {
                onEpisode.accept(episode);
            }
        };
    }

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
