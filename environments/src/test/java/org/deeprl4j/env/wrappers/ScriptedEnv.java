package org.deeprl4j.env.wrappers;

import java.util.List;
import org.deeprl4j.env.BaseEnv;
import org.deeprl4j.env.Reset;
import org.deeprl4j.env.Step;
import org.deeprl4j.env.spaces.Space;

/**
 * A test environment with given spaces that returns a scripted sequence of observations (reset
 * returns the first, each step the next), reward 1, terminating at the last one.
 */
final class ScriptedEnv<O, A> extends BaseEnv<O, A> {
    private final Space<O> observationSpace;
    private final Space<A> actionSpace;
    private final List<O> observations;
    private int index;
    A lastAction;

    ScriptedEnv(Space<O> observationSpace, Space<A> actionSpace, List<O> observations) {
        this.observationSpace = observationSpace;
        this.actionSpace = actionSpace;
        this.observations = observations;
    }

    @Override
    public Space<O> observationSpace() {
        return observationSpace;
    }

    @Override
    public Space<A> actionSpace() {
        return actionSpace;
    }

    @Override
    protected Reset<O> doReset() {
        index = 0;
        return Reset.of(observations.get(0));
    }

    @Override
    protected Step<O> doStep(A action) {
        lastAction = action;
        index++;
        return Step.of(observations.get(index), 1.0, index == observations.size() - 1, false);
    }
}
