package org.deeprl4j.env.vector;

import java.util.OptionalLong;
import org.deeprl4j.env.Env;
import org.deeprl4j.env.Reset;
import org.deeprl4j.env.spaces.Space;
import org.deeprl4j.env.wrappers.ObservationWrapper;

/**
 * An evaluation env for an agent trained behind a {@link VecNormalize}: normalizes observations
 * with the training wrapper's current observation statistics without ever updating them, and
 * leaves rewards raw (SB3's eval {@code VecNormalize(training=False, norm_reward=False)} kept in
 * step with {@code sync_envs_normalization}). The statistics are copied from the training wrapper
 * at every {@code reset}, so an env created once follows training from evaluation to evaluation
 * and never changes during an episode.
 *
 * <p>Observations keep the wrapped env's type and space: they are flattened, normalized and
 * unflattened.
 *
 * @param <O> observation type
 * @param <A> action type
 */
public final class FrozenNormalizeObservation<O, A> extends ObservationWrapper<O, A, O> {
    private final VecNormalize source;
    private final float[] flat;
    private ObservationNormalizer current;

    /**
     * @param env    the env to evaluate on (same flat observation size as the training env)
     * @param source the training env's normalizer whose statistics to apply
     */
    public FrozenNormalizeObservation(Env<O, A> env, VecNormalize source) {
        super(env);
        if (source == null) {
            throw new IllegalArgumentException("FrozenNormalizeObservation needs the training VecNormalize, got null");
        }
        int dim = env.observationSpace().flatDim();
        if (dim != source.obsDim()) {
            throw new IllegalArgumentException("the env's observations have " + dim + " elements but the VecNormalize's have "
                    + source.obsDim());
        }
        this.source = source;
        this.flat = new float[dim];
        this.current = source.observationNormalizer();
    }

    @Override
    public Space<O> observationSpace() {
        return env.observationSpace();
    }

    @Override
    public Reset<O> reset(OptionalLong seed) {
        current = source.observationNormalizer();
        return super.reset(seed);
    }

    @Override
    protected O observation(O observation) {
        Space<O> space = env.observationSpace();
        space.flatten(observation, flat, 0);
        current.apply(flat, 1, flat);
        return space.unflatten(flat, 0);
    }

    /** The statistics applied in the current episode. */
    public ObservationNormalizer normalizer() {
        return current;
    }
}
