package org.deeprl4j.env.wrappers;

import org.deeprl4j.env.Env;
import org.deeprl4j.env.spaces.Box;
import org.deeprl4j.env.spaces.Space;

/**
 * Flattens observations of any space into a float32 vector with Gymnasium's semantics
 * (Gymnasium's {@code FlattenObservation}): Discrete becomes a one-hot vector, MultiDiscrete
 * concatenated one-hots, Box and MultiBinary their elements, Dict the concatenation in key order.
 * See {@link Flattening} for how this differs from {@link Space#flatten}.
 *
 * @param <O> observation type of the wrapped environment
 * @param <A> action type
 */
public class FlattenObservation<O, A> extends ObservationWrapper<float[], A, O> {
    private final Space<O> innerSpace;
    private final Box<float[]> observationSpace;

    /** @param env an environment with a Discrete, MultiDiscrete, MultiBinary, Box or Dict observation space */
    public FlattenObservation(Env<O, A> env) {
        super(env);
        this.innerSpace = env.observationSpace();
        if (innerSpace == null) {
            throw new IllegalArgumentException("FlattenObservation: the environment has no observation space");
        }
        this.observationSpace = Flattening.flattenSpace(innerSpace);
    }

    @Override
    public Space<float[]> observationSpace() {
        return observationSpace;
    }

    @Override
    protected float[] observation(O observation) {
        return Flattening.flatten(innerSpace, observation);
    }
}
