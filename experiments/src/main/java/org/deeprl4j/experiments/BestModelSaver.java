package org.deeprl4j.experiments;

import org.deeprl4j.agents.EvalResult;
import org.deeprl4j.agents.TrainingListener;

/** Saves the model whenever a periodic evaluation beats the best so far (SB3's EvalCallback). */
final class BestModelSaver implements TrainingListener {
    private final Runnable save;
    private double best = Double.NEGATIVE_INFINITY;

    /** @param bestSoFar best evaluation mean of the run before this saver (a resumed run), or NaN */
    BestModelSaver(Runnable save, double bestSoFar) {
        this.save = save;
        this.best = Double.isNaN(bestSoFar) ? Double.NEGATIVE_INFINITY : bestSoFar;
    }

    @Override
    public void onEvaluation(long step, EvalResult result) {
        if (result.mean() > best) {
            best = result.mean();
            save.run();
        }
    }
}
