package org.deeprl4j.env.check;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.BooleanSupplier;
import org.deeprl4j.env.Env;
import org.deeprl4j.env.EnvSpec;
import org.deeprl4j.env.Envs;
import org.deeprl4j.env.Rng;
import org.deeprl4j.env.Step;
import org.deeprl4j.env.UnknownEnvException;
import org.deeprl4j.env.spaces.Space;

/**
 * Checks that an environment follows the {@link Env} contract, after Gymnasium's
 * {@code utils/env_checker.py} and {@code passive_env_checker.py}, with the stricter promises of
 * this API made into errors.
 *
 * <p>In order: well-formed spaces (warning on unbounded or non-normalized Box action spaces);
 * {@code step()} before the first reset throws {@link IllegalStateException}; {@code reset(seed)}
 * and {@code reset()} return observations of the space's exact Java type, length and bounds;
 * {@code reset(seed)} twice gives the same observation; a random action sequence (drawn from the
 * seed; episodes that end are reset without a seed) is replayed twice and must give identical
 * observations, rewards and flags, while every observation is checked (NaN, infinity, type, bounds,
 * naming the step and element) and every reward is finite; {@code step()} after an episode ended
 * throws {@link IllegalStateException}; actions outside the action space throw
 * {@link IllegalArgumentException} and leave the episode usable; {@code close()} twice works.
 *
 * <p>Every check turns exceptions into findings, so a broken environment yields a report, never a
 * crash. The checker closes the environment at the end. Repeated findings of one kind during the
 * random steps are reported once, with a count. Step numbers in messages count from 1: "episode 2,
 * step 5" is the observation returned by the fifth {@code step()} of the second episode. Info maps
 * need no check: the {@code Reset} and {@code Step} records never hold null.
 *
 * <pre>{@code
 * CheckReport report = EnvChecker.check("CartPole-v1", 42);
 * if (!report.passed()) System.err.print(report.format());
 * }</pre>
 */
public final class EnvChecker {
    // Check names, as they appear in Finding.check() and CheckReport.format().
    public static final String CHECK_MAKE = "make";
    public static final String CHECK_SPACES = "spaces";
    public static final String CHECK_STEP_BEFORE_RESET = "step-before-reset";
    public static final String CHECK_RESET = "reset";
    public static final String CHECK_RESET_DETERMINISM = "reset-determinism";
    public static final String CHECK_OBSERVATION = "observation";
    public static final String CHECK_REWARD = "reward";
    public static final String CHECK_STEP = "step";
    public static final String CHECK_ALIASING = "observation-aliasing";
    public static final String CHECK_DETERMINISM = "trajectory-determinism";
    public static final String CHECK_STEP_AFTER_END = "step-after-episode-end";
    public static final String CHECK_INVALID_ACTION = "invalid-action";
    public static final String CHECK_CLOSE = "close";

    private final CheckedEnv env;
    private final long seed;
    private final CheckOptions options;
    private final String name;
    private final Findings findings = new Findings();
    private final Rng sequenceRng;
    private final Rng rng;
    private Space<Object> actSpace;
    private StepChecks stepChecks;
    private List<Object> actions;

    private EnvChecker(Env<?, ?> env, long seed, CheckOptions options, String name) {
        this.env = new CheckedEnv(env);
        this.seed = seed;
        this.options = options;
        this.name = name;
        Rng root = new Rng(seed);
        this.sequenceRng = root.split();
        this.rng = root.split();
    }

    /** Checks {@code env} with {@link CheckOptions#defaults()}, then closes it. */
    public static CheckReport check(Env<?, ?> env, long seed) {
        return check(env, seed, CheckOptions.defaults());
    }

    /** Checks {@code env}, then closes it. */
    public static CheckReport check(Env<?, ?> env, long seed, CheckOptions options) {
        if (env == null || options == null) {
            throw new IllegalArgumentException("EnvChecker needs an environment and options, got " + env + ", " + options);
        }
        String name;
        try {
            name = env.toString();
        } catch (RuntimeException e) {
            name = env.getClass().getSimpleName();
        }
        return new EnvChecker(env, seed, options, name).run();
    }

    /** Makes {@code envId} with {@link Envs#make(String)}, checks it with default options and closes it. */
    public static CheckReport check(String envId, long seed) {
        return check(envId, seed, CheckOptions.defaults());
    }

    /**
     * Makes {@code envId}, checks it and closes it. Determinism differences are warnings when the
     * spec is registered as non-deterministic. A failing {@code Envs.make} is an error finding.
     *
     * @throws UnknownEnvException when the id is not registered (a usage error, not a finding)
     */
    public static CheckReport check(String envId, long seed, CheckOptions options) {
        if (options == null) {
            throw new IllegalArgumentException("EnvChecker needs options");
        }
        Env<?, ?> env;
        try {
            env = Envs.make(envId);
        } catch (UnknownEnvException e) {
            throw e;
        } catch (RuntimeException | LinkageError e) {
            return new CheckReport(envId, seed, List.of(Finding.error(CHECK_MAKE,
                    "Envs.make(\"" + envId + "\") threw " + CheckedEnv.describe(e))));
        }
        boolean det = options.deterministic() && Envs.find(envId).map(EnvSpec::deterministic).orElse(true);
        try {
            return new EnvChecker(env, seed, options.withDeterministic(det), envId).run();
        } finally {
            try {
                env.close(); // normally already closed by the close check; close is idempotent
            } catch (RuntimeException e) {
                // a failing close() was already reported by the close check
            }
        }
    }

    private CheckReport run() {
        if (guard(CHECK_SPACES, this::checkSpaces)) {
            if (options.checkStepBeforeReset()) {
                guard(CHECK_STEP_BEFORE_RESET, this::checkStepBeforeReset);
            }
            if (guard(CHECK_RESET, this::checkReset)) {
                guard(CHECK_RESET_DETERMINISM, this::checkResetDeterminism);
                guard(CHECK_DETERMINISM, this::checkTrajectories);
                guard(CHECK_STEP_AFTER_END, this::checkStepAfterEnd);
                guard(CHECK_INVALID_ACTION, this::checkInvalidActions);
            }
        }
        guard(CHECK_CLOSE, this::checkClose);
        return new CheckReport(name, seed, findings.toList());
    }

    @SuppressWarnings("unchecked")
    private boolean checkSpaces() {
        Space<?> a = env.actionSpace();
        Space<?> o = env.observationSpace();
        if (a == null) {
            findings.add(Finding.error(CHECK_SPACES, "actionSpace() returned null"));
        }
        if (o == null) {
            findings.add(Finding.error(CHECK_SPACES, "observationSpace() returned null"));
        }
        if (a == null || o == null) {
            return false;
        }
        SpaceChecks.wellFormed(a, "action", rng, findings);
        SpaceChecks.wellFormed(o, "observation", rng, findings);
        actSpace = (Space<Object>) a;
        stepChecks = new StepChecks(o, findings);
        return true;
    }

    private boolean checkStepBeforeReset() {
        Object action = actSpace.sample(rng);
        String what = CheckedEnv.expectThrow(IllegalStateException.class, () -> env.step(action));
        if (what != null) {
            findings.add(Finding.error(CHECK_STEP_BEFORE_RESET, "step() before the first reset() " + what
                    + "; expected IllegalStateException (to check an environment that was already reset, use "
                    + "CheckOptions.withCheckStepBeforeReset(false))"));
        }
        return true;
    }

    private boolean checkReset() {
        stepChecks.observation(env.reset(OptionalLong.of(seed)).observation(), env.lastCall(), false);
        stepChecks.observation(env.reset(OptionalLong.empty()).observation(), env.lastCall(), false);
        return true;
    }

    private boolean checkResetDeterminism() {
        Object first = env.reset(OptionalLong.of(seed)).observation();
        long digest = ValueChecks.digest(first);
        String shown = ValueChecks.brief(first); // now: the environment may reuse the array
        Object second = env.reset(OptionalLong.of(seed)).observation();
        if (ValueChecks.digest(second) != digest) {
            findings.add(nondeterminism(CHECK_RESET_DETERMINISM, "reset(seed=" + seed
                    + ") twice gave different observations: " + shown + " then " + ValueChecks.brief(second)));
        }
        return true;
    }

    private boolean checkTrajectories() {
        Trajectory first = replay(true);
        Trajectory second = replay(false);
        String diff = first.firstDifference(second);
        if (diff != null) {
            findings.add(nondeterminism(CHECK_DETERMINISM, "replaying reset(seed=" + seed + ") and the same "
                    + actions().size() + " actions gave a different trajectory " + diff));
        }
        return true;
    }

    /** Plays the action sequence from {@code reset(seed)}; with {@code inspect}, checks every result. */
    private Trajectory replay(boolean inspect) {
        Trajectory traj = new Trajectory();
        String where = "reset(seed=" + seed + ")";
        try {
            Object previous = env.reset(OptionalLong.of(seed)).observation();
            traj.reset(where, previous);
            int episode = 1;
            int t = 0;
            List<Object> acts = actions();
            for (int i = 0; i < acts.size(); i++) {
                where = "episode " + episode + ", step " + (++t) + " (step " + (i + 1) + " overall)";
                Step<Object> s = env.step(acts.get(i));
                traj.step(where, s.observation(), s.reward(), s.terminated(), s.truncated());
                if (inspect) {
                    stepChecks.step(s, previous, where);
                }
                previous = s.observation();
                if (s.done()) {
                    episode++;
                    t = 0;
                    where = "reset() starting episode " + episode;
                    previous = env.reset(OptionalLong.empty()).observation();
                    traj.reset(where, previous);
                    if (inspect) {
                        stepChecks.observation(previous, where, true);
                    }
                }
            }
        } catch (RuntimeException | AssertionError | LinkageError | StackOverflowError e) {
            traj.failure(where, e);
            if (inspect) {
                findings.add(Finding.error(CHECK_STEP, where + ": " + env.failure(e)));
            }
        }
        return traj;
    }

    private boolean checkStepAfterEnd() {
        env.reset(OptionalLong.of(seed));
        List<Object> acts = actions();
        for (int i = 0; i < acts.size(); i++) {
            Step<Object> s = env.step(acts.get(i));
            if (s.done()) {
                String how = s.terminated() ? "terminated" : "was truncated";
                Object next = actSpace.sample(rng);
                String what = CheckedEnv.expectThrow(IllegalStateException.class, () -> env.step(next));
                if (what != null) {
                    findings.add(Finding.error(CHECK_STEP_AFTER_END, "step() after the episode " + how + " (step "
                            + (i + 1) + ") without reset() " + what + "; expected IllegalStateException"));
                }
                return true;
            }
        }
        findings.add(Finding.warning(CHECK_STEP_AFTER_END, "not checked: no episode ended within "
                + acts.size() + " random steps"));
        return true;
    }

    private boolean checkInvalidActions() {
        for (SpaceChecks.InvalidAction inv : SpaceChecks.invalidActions(actSpace, rng)) {
            env.reset(OptionalLong.of(seed));
            String what = CheckedEnv.expectThrow(IllegalArgumentException.class, () -> env.step(inv.action()));
            if (what != null) {
                findings.add(Finding.error(CHECK_INVALID_ACTION, "step() with " + inv.description() + ", outside "
                        + actSpace + ", " + what + "; expected IllegalArgumentException (InvalidActionException)"));
                continue;
            }
            Object valid = actSpace.sample(rng);
            try {
                env.step(valid);
            } catch (RuntimeException e) {
                findings.add(Finding.error(CHECK_INVALID_ACTION, "after rejecting " + inv.description() + ", "
                        + env.failure(e) + "; a rejected action must leave the episode running"));
            }
        }
        return true;
    }

    private boolean checkClose() {
        env.close();
        env.close();
        return true;
    }

    /** The checker's random action sequence, drawn once from the seed and replayed identically. */
    private List<Object> actions() {
        if (actions == null) {
            actions = new ArrayList<>(options.randomSteps());
            for (int i = 0; i < options.randomSteps(); i++) {
                actions.add(actSpace.sample(sequenceRng));
            }
        }
        return actions;
    }

    /** Runs {@code body}; an exception becomes an error finding naming the call that threw. */
    private boolean guard(String check, BooleanSupplier body) {
        try {
            return body.getAsBoolean();
        } catch (RuntimeException | AssertionError | LinkageError | StackOverflowError e) {
            findings.add(Finding.error(check, env.failure(e)));
            return false;
        }
    }

    private Finding nondeterminism(String check, String message) {
        return options.deterministic() ? Finding.error(check, message)
                : Finding.warning(check, message + " (the environment is registered as non-deterministic)");
    }
}
