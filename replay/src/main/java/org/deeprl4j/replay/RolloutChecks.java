package org.deeprl4j.replay;

/** Argument checks of {@link RolloutBuffer}, with messages naming the value at fault. */
final class RolloutChecks {
    private RolloutChecks() {
    }

    static void requirePositive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be > 0, got " + value);
        }
    }

    static void length(String name, float[] a, int expected, String formula, String dims) {
        check(name, a == null, a == null ? 0 : a.length, expected, formula, dims);
    }

    static void length(String name, double[] a, int expected, String formula, String dims) {
        check(name, a == null, a == null ? 0 : a.length, expected, formula, dims);
    }

    static void length(String name, boolean[] a, int expected, String formula, String dims) {
        check(name, a == null, a == null ? 0 : a.length, expected, formula, dims);
    }

    private static void check(String name, boolean isNull, int got, int expected, String formula, String dims) {
        if (isNull) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        if (got != expected) {
            throw new IllegalArgumentException(name + " has length " + got + ", expected " + formula
                    + " = " + expected + " (" + dims + ")");
        }
    }

    static void finite(String name, float[] values) {
        for (int i = 0; i < values.length; i++) {
            if (!Float.isFinite(values[i])) {
                throw new IllegalArgumentException(name + "[" + i + "] is not finite: " + values[i]);
            }
        }
    }

    static void finite(String name, double[] values) {
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException(name + "[" + i + "] is not finite: " + values[i]);
            }
        }
    }

    static void unitInterval(String name, double value) {
        if (!(value >= 0.0 && value <= 1.0)) {
            throw new IllegalArgumentException(name + " must be in [0, 1], got " + value);
        }
    }

    static void env(int env, int numEnvs) {
        if (env < 0 || env >= numEnvs) {
            throw new IllegalArgumentException("env " + env + " outside [0, " + numEnvs + ")");
        }
    }
}
