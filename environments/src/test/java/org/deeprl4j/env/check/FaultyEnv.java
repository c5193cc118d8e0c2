package org.deeprl4j.env.check;

import java.util.OptionalLong;
import org.deeprl4j.env.Env;
import org.deeprl4j.env.InvalidActionException;
import org.deeprl4j.env.Reset;
import org.deeprl4j.env.Rng;
import org.deeprl4j.env.Step;
import org.deeprl4j.env.spaces.Box;
import org.deeprl4j.env.spaces.Discrete;
import org.deeprl4j.env.spaces.Space;

/**
 * A test environment that follows the contract unless told to break one rule: observations in
 * {@code Box(0, 1, (3,))}, actions {@code Discrete(2)}, reward = action, terminated after
 * {@value #EPISODE} steps. It implements {@link Env} directly (not BaseEnv) so it can break the
 * call-order rules too.
 */
final class FaultyEnv implements Env<Object, Integer> {
    static final Box<float[]> OBS = Box.of(0f, 1f, 3);
    static final Discrete ACTIONS = new Discrete(2);
    static final int EPISODE = 10;

    private int nanObsStep = -1;
    private int nanObsElement;
    private int outsideStep = -1;
    private int nanRewardStep = -1;
    private int nondeterministicStep = -1;
    private int throwAtStep = -1;
    private boolean resetIgnoresSeed;
    private boolean guardBeforeReset = true;
    private boolean guardAfterEnd = true;
    private boolean validateActions = true;
    private boolean closeTwiceThrows;
    private boolean resetThrows;
    private boolean nullObservationSpace;
    private boolean float64Observations;
    private boolean reuseObservationArray;

    private Rng rng = new Rng(0);
    private int t;
    private int resets;
    private boolean started;
    private boolean done;
    private boolean closed;
    private final float[] shared = new float[3];

    FaultyEnv nanObservationAt(int step, int element) {
        nanObsStep = step;
        nanObsElement = element;
        return this;
    }

    FaultyEnv observationOutsideAt(int step) {
        outsideStep = step;
        return this;
    }

    FaultyEnv nanRewardAt(int step) {
        nanRewardStep = step;
        return this;
    }

    /** Step {@code step}'s observation depends on how many resets happened, not on the seed. */
    FaultyEnv nondeterministicAt(int step) {
        nondeterministicStep = step;
        return this;
    }

    FaultyEnv throwAt(int step) {
        throwAtStep = step;
        return this;
    }

    FaultyEnv resetIgnoringSeed() {
        resetIgnoresSeed = true;
        return this;
    }

    FaultyEnv noGuardBeforeReset() {
        guardBeforeReset = false;
        return this;
    }

    FaultyEnv noGuardAfterEnd() {
        guardAfterEnd = false;
        return this;
    }

    FaultyEnv acceptingAnyAction() {
        validateActions = false;
        return this;
    }

    FaultyEnv closeTwiceThrows() {
        closeTwiceThrows = true;
        return this;
    }

    FaultyEnv resetThrows() {
        resetThrows = true;
        return this;
    }

    FaultyEnv nullObservationSpace() {
        nullObservationSpace = true;
        return this;
    }

    FaultyEnv float64Observations() {
        float64Observations = true;
        return this;
    }

    FaultyEnv reusingObservationArray() {
        reuseObservationArray = true;
        return this;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Space<Object> observationSpace() {
        return nullObservationSpace ? null : (Space<Object>) (Space<?>) OBS;
    }

    @Override
    public Space<Integer> actionSpace() {
        return ACTIONS;
    }

    @Override
    public Reset<Object> reset(OptionalLong seed) {
        if (resetThrows) {
            throw new IllegalStateException("boom in reset");
        }
        if (seed.isPresent()) {
            rng = new Rng(seed.getAsLong());
        } else if (rng == null) {
            rng = new Rng(0);
        }
        resets++;
        t = 0;
        started = true;
        done = false;
        float[] obs = observation();
        if (resetIgnoresSeed) {
            obs[0] = (resets % 4) / 4f;
        }
        return Reset.of(float64Observations ? toDouble(obs) : obs);
    }

    @Override
    public Step<Object> step(Integer action) {
        if (guardBeforeReset && !started) {
            throw new IllegalStateException("step before reset");
        }
        if (guardAfterEnd && done) {
            throw new IllegalStateException("step after the episode ended");
        }
        if (validateActions && !ACTIONS.contains(action)) {
            throw new InvalidActionException(action, ACTIONS);
        }
        t++;
        if (t == throwAtStep) {
            throw new ArrayIndexOutOfBoundsException("boom at step " + t);
        }
        float[] obs = observation();
        if (t == nanObsStep) {
            obs[nanObsElement] = Float.NaN;
        }
        if (t == outsideStep) {
            obs[1] = 1.5f;
        }
        if (t == nondeterministicStep) {
            obs[0] = (resets % 5) / 5f;
        }
        double reward = t == nanRewardStep ? Double.NaN : action;
        done = t >= EPISODE;
        return Step.of(float64Observations ? toDouble(obs) : obs, reward, done, false);
    }

    private float[] observation() {
        float[] obs = reuseObservationArray ? shared : new float[3];
        for (int i = 0; i < obs.length; i++) {
            obs[i] = rng.nextFloat();
        }
        return obs;
    }

    private static double[] toDouble(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }

    @Override
    public void close() {
        if (closed && closeTwiceThrows) {
            throw new IllegalStateException("already closed");
        }
        closed = true;
    }
}
