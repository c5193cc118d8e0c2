package org.deeprl4j.env.wrappers;

import java.util.function.Function;
import org.deeprl4j.env.Env;
import org.deeprl4j.env.spaces.Space;

/**
 * Applies a function to every observation and declares the space of the results (Gymnasium's
 * {@code TransformObservation}). The function is trusted to return elements of
 * {@code observationSpace}; it is not checked on every step (the env checker does that).
 *
 * @param <O> observation type produced by the function
 * @param <A> action type
 * @param <InnerO> observation type of the wrapped environment
 */
public class TransformObservation<O, A, InnerO> extends ObservationWrapper<O, A, InnerO> {
    private final Function<? super InnerO, ? extends O> function;
    private final Space<O> observationSpace;

    /**
     * @param env the environment to wrap
     * @param function maps each inner observation to the new observation; must not keep a
     *     reference to a mutable input it returns unchanged
     * @param observationSpace the space of the function's results
     */
    public TransformObservation(Env<InnerO, A> env, Function<? super InnerO, ? extends O> function,
            Space<O> observationSpace) {
        super(env);
        if (function == null || observationSpace == null) {
            throw new IllegalArgumentException("TransformObservation needs a function and an observation space, got "
                    + function + " and " + observationSpace);
        }
        this.function = function;
        this.observationSpace = observationSpace;
    }

    @Override
    public Space<O> observationSpace() {
        return observationSpace;
    }

    @Override
    protected O observation(InnerO observation) {
        return function.apply(observation);
    }
}
