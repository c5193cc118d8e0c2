package org.deeprl4j.experiments;

import org.deeprl4j.agents.EvalResult;
import org.deeprl4j.agents.TrainingListener;

/** Saves the model whenever a periodic evaluation beats the best so far (SB3's EvalCallback). */
final class BestModelSaver implements TrainingListener {
    private final Runnable save;
    private double best = Double.NEGATIVE_INFINITY;

    BestModelSaver(Runnable save) {
        this.save = save;
    }

    @Override
    public void onEvaluation(long step, EvalResult result) {
        if (result.mean() > best) {
            best = result.mean();
            save.run();
        }
    }
}
