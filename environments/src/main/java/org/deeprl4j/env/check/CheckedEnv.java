package org.deeprl4j.env.check;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import org.deeprl4j.env.Env;
import org.deeprl4j.env.Reset;
import org.deeprl4j.env.Step;
import org.deeprl4j.env.spaces.Space;

/**
 * The environment under check: remembers the last call so failures can name it, turns null
 * results into exceptions and hands the environment copies of actions, so an environment that
 * modifies its action cannot change the checker's replayed sequence.
 */
final class CheckedEnv {
    /** Thrown when the environment returns null from reset or step. */
    static final class NullResult extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NullResult() {
            super(null, null, false, false);
        }
    }

    private final Env<Object, Object> env;
    private String lastCall = "";
    private int closes;

    @SuppressWarnings("unchecked")
    CheckedEnv(Env<?, ?> env) {
        this.env = (Env<Object, Object>) env;
    }

    Space<?> actionSpace() {
        lastCall = "actionSpace()";
        return env.actionSpace();
    }

    Space<?> observationSpace() {
        lastCall = "observationSpace()";
        return env.observationSpace();
    }

    Reset<Object> reset(OptionalLong seed) {
        lastCall = seed.isPresent() ? "reset(seed=" + seed.getAsLong() + ")" : "reset()";
        Reset<Object> r = env.reset(seed);
        if (r == null) {
            throw new NullResult();
        }
        return r;
    }

    Step<Object> step(Object action) {
        lastCall = "step(" + ValueChecks.brief(action) + ")";
        Step<Object> s = env.step(copy(action));
        if (s == null) {
            throw new NullResult();
        }
        return s;
    }

    void close() {
        lastCall = closes++ == 0 ? "close()" : "a second close()";
        env.close();
    }

    /** The description of the last call: {@code reset(seed=1)}, {@code step([0.5])}, ... */
    String lastCall() {
        return lastCall;
    }

    /** "step([0.5]) threw IllegalStateException: message" or "reset() returned null". */
    String failure(Throwable e) {
        return e instanceof NullResult ? lastCall + " returned null" : lastCall + " threw " + describe(e);
    }

    static String describe(Throwable e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    /** Null when {@code call} threw {@code expected}, else what it did instead. */
    static String expectThrow(Class<? extends RuntimeException> expected, Runnable call) {
        try {
            call.run();
            return "returned normally";
        } catch (RuntimeException e) {
            if (expected.isInstance(e)) {
                return null;
            }
            return e instanceof NullResult ? "returned null" : "threw " + describe(e) + " instead";
        }
    }

    private static Object copy(Object action) {
        if (action instanceof float[] f) {
            return f.clone();
        }
        if (action instanceof double[] d) {
            return d.clone();
        }
        if (action instanceof int[] i) {
            return i.clone();
        }
        if (action instanceof Map<?, ?> m) {
            Map<Object, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(k, copy(v)));
            return out;
        }
        return action;
    }
}
