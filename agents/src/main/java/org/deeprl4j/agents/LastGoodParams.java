package org.deeprl4j.agents;

import java.util.function.Supplier;
import org.deeprl4j.nn.Network;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Undoes a diverged update: copies the networks' parameters before a training round and, when the
 * round throws {@link TrainingDivergedException}, puts them back (so the last good model is what gets
 * saved) and rethrows naming the env step. The copies are reused between rounds.
 */
public final class LastGoodParams {
    private final Network[] networks;
    private final INDArray[] copies;

    public LastGoodParams(Network... networks) {
        this.networks = networks.clone();
        this.copies = new INDArray[networks.length];
    }

    /** Runs {@code round} guarded; {@code step} is the env step reported on divergence. */
    public <T> T guard(long step, Supplier<T> round) {
        for (int i = 0; i < networks.length; i++) {
            copies[i] = networks[i].copyParams(copies[i]); // a read: the networks' fast paths keep their state
        }
        try {
            return round.get();
        } catch (TrainingDivergedException e) {
            for (int i = 0; i < networks.length; i++) {
                networks[i].params().assign(copies[i]);
            }
            throw new TrainingDivergedException(step, e.what());
        }
    }
}
