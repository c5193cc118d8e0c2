package org.deeprl4j.env.check;

import java.util.Map;
import org.deeprl4j.env.Step;
import org.deeprl4j.env.check.ValueChecks.Problem;
import org.deeprl4j.env.spaces.Space;

/** Checks the results of reset and step: observations in their space, finite rewards, no aliasing. */
final class StepChecks {
    private final Space<?> observationSpace;
    private final Findings findings;

    StepChecks(Space<?> observationSpace, Findings findings) {
        this.observationSpace = observationSpace;
        this.findings = findings;
    }

    /**
     * Reports an observation that is not a valid element of the observation space; with
     * {@code once}, only the first problem of each kind is kept and the rest are counted.
     */
    void observation(Object obs, String where, boolean once) {
        Problem p = ValueChecks.check(observationSpace, obs);
        if (p == null) {
            return;
        }
        Finding f = Finding.error(EnvChecker.CHECK_OBSERVATION, where + ": observation " + p.message());
        if (once) {
            findings.addOnce("observation-" + p.kind(), f);
        } else {
            findings.add(f);
        }
    }

    /** Checks one step's observation and reward; {@code previous} is the observation before it. */
    void step(Step<?> s, Object previous, String where) {
        observation(s.observation(), where, true);
        double r = s.reward();
        if (Double.isNaN(r)) {
            findings.addOnce("reward-nan", Finding.error(EnvChecker.CHECK_REWARD, where + ": reward is NaN"));
        } else if (Double.isInfinite(r)) {
            findings.addOnce("reward-inf", Finding.error(EnvChecker.CHECK_REWARD, where + ": reward is " + r));
        }
        Object obs = s.observation();
        if (obs != null && obs == previous && (obs.getClass().isArray() || obs instanceof Map)) {
            findings.addOnce("aliasing", Finding.warning(EnvChecker.CHECK_ALIASING, where + ": step() returned the "
                    + "same " + ValueChecks.typeName(obs) + " instance as the previous observation; code that keeps "
                    + "observations (replay buffers) will see them change, so return a fresh one"));
        }
    }
}
