package org.deeprl4j.env.check;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeprl4j.env.Rng;
import org.deeprl4j.env.spaces.Box;
import org.deeprl4j.env.spaces.Dict;
import org.deeprl4j.env.spaces.Discrete;
import org.deeprl4j.env.spaces.MultiBinary;
import org.deeprl4j.env.spaces.MultiDiscrete;
import org.deeprl4j.env.spaces.Space;

/**
 * Static checks of a space (Gymnasium's {@code check_space} and {@code check_space_limit}) and the
 * construction of actions that lie outside an action space.
 */
final class SpaceChecks {
    /** An action outside the action space and how to describe it. */
    record InvalidAction(String description, Object action) {
    }

    private static final int SAMPLES = 16;

    private SpaceChecks() {
    }

    /** Reports malformed spaces as errors and doubtful Box bounds as warnings. */
    static void wellFormed(Space<?> space, String role, Rng rng, Findings out) {
        if (space instanceof Box<?> b) {
            box(b, role, out);
        } else if (space instanceof Discrete d && d.n() <= 0) {
            out.add(Finding.error(EnvChecker.CHECK_SPACES, role + " space " + d + " must have n > 0"));
        } else if (space instanceof MultiDiscrete m && Arrays.stream(m.nvec()).anyMatch(n -> n <= 0)) {
            out.add(Finding.error(EnvChecker.CHECK_SPACES, role + " space " + m + " must have every nvec > 0"));
        } else if (space instanceof MultiBinary m && Arrays.stream(m.shape()).anyMatch(n -> n <= 0)) {
            out.add(Finding.error(EnvChecker.CHECK_SPACES, role + " space " + m + " must have a positive shape"));
        } else if (space instanceof Dict d) {
            if (d.spaces().isEmpty()) {
                out.add(Finding.error(EnvChecker.CHECK_SPACES, "an empty Dict " + role + " space is not allowed"));
            }
            d.spaces().forEach((k, s) -> wellFormed(s, role + "['" + k + "']", rng, out));
            return;
        }
        for (int i = 0; i < SAMPLES; i++) {
            Object x = space.sample(rng);
            if (!space.contains(x)) {
                out.add(Finding.error(EnvChecker.CHECK_SPACES, role + " space " + space + " sampled "
                        + ValueChecks.brief(x) + ", which its contains() rejects"));
                return;
            }
        }
    }

    private static void box(Box<?> b, String role, Findings out) {
        String check = EnvChecker.CHECK_SPACES;
        int[] shape = b.shape();
        long size = 1;
        for (int d : shape) {
            if (d <= 0) {
                out.add(Finding.error(check, role + " space " + b + " has a non-positive shape " + Arrays.toString(shape)));
                return;
            }
            size *= d;
        }
        if (size != b.flatDim()) {
            out.add(Finding.error(check, role + " space " + b + " has shape " + Arrays.toString(shape) + " but "
                    + b.flatDim() + " bounds"));
            return;
        }
        boolean infinite = false;
        for (int i = 0; i < b.flatDim(); i++) {
            double lo = b.low(i);
            double hi = b.high(i);
            String el = ValueChecks.element(shape, i);
            if (Double.isNaN(lo) || Double.isNaN(hi) || lo > hi) {
                out.add(Finding.error(check, role + " space " + b + ": " + el + " has invalid bounds [" + lo + ", " + hi + "]"));
            } else if (lo == hi) {
                out.add(Finding.warning(check, role + " space " + b + ": " + el + " has equal minimum and maximum " + lo));
            }
            infinite |= Double.isInfinite(lo) || Double.isInfinite(hi);
        }
        if (!role.startsWith("action")) {
            return;
        }
        if (infinite) {
            out.add(Finding.warning(check, "the Box action space " + b + " has infinite bounds; continuous-action "
                    + "agents squash or clip actions into finite bounds, so give the real limits"));
        } else if (shape.length == 1 && !normalized(b)) {
            out.add(Finding.warning(check, "for Box action spaces a symmetric, normalized range ([-1, 1] or [0, 1]) "
                    + "is recommended, got " + b + "; see https://stable-baselines3.readthedocs.io/en/master/guide/rl_tips.html"));
        }
    }

    /** Gymnasium's test: every low is 0 or -high, and the range lies within [-1, 1]. */
    private static boolean normalized(Box<?> b) {
        for (int i = 0; i < b.flatDim(); i++) {
            double lo = b.low(i);
            double hi = b.high(i);
            if ((lo != 0 && Math.abs(lo) != Math.abs(hi)) || lo < -1 || hi > 1) {
                return false;
            }
        }
        return true;
    }

    /** Actions outside {@code space} that a well-behaved environment must reject. */
    static List<InvalidAction> invalidActions(Space<?> space, Rng rng) {
        List<InvalidAction> out = new ArrayList<>();
        if (space instanceof Discrete d) {
            out.add(new InvalidAction("Integer " + ((long) d.start() + d.n()) + " (start + n)", (int) ((long) d.start() + d.n())));
            if (d.start() != Integer.MIN_VALUE) {
                out.add(new InvalidAction("Integer " + (d.start() - 1) + " (start - 1)", d.start() - 1));
            }
        } else if (space instanceof Box<?> b) {
            boxInvalid(b, rng, out);
        } else if (space instanceof MultiDiscrete m) {
            int[] a = m.sample(rng);
            a[0] = (int) ((long) m.start()[0] + m.nvec()[0]);
            out.add(new InvalidAction("int[] with element 0 = start + nvec: " + Arrays.toString(a), a));
        } else if (space instanceof MultiBinary m) {
            int[] a = m.sample(rng);
            a[0] = 2;
            out.add(new InvalidAction("int[] with element 0 = 2: " + Arrays.toString(a), a));
        } else if (space instanceof Dict d) {
            for (Map.Entry<String, Space<?>> e : d.spaces().entrySet()) {
                for (InvalidAction sub : invalidActions(e.getValue(), rng)) {
                    Map<String, Object> a = new LinkedHashMap<>(d.sample(rng));
                    a.put(e.getKey(), sub.action());
                    out.add(new InvalidAction("Dict with entry '" + e.getKey() + "' = " + sub.description(), a));
                }
            }
        }
        return out;
    }

    private static void boxInvalid(Box<?> b, Rng rng, List<InvalidAction> out) {
        double hi = b.high(0);
        double lo = b.low(0);
        if (!Double.isInfinite(hi)) {
            double beyond = hi + Math.max(1.0, Math.abs(hi));
            out.add(new InvalidAction("element 0 = " + beyond + " above the upper bound " + hi, withElement0(b, rng, beyond)));
        } else if (!Double.isInfinite(lo)) {
            double beyond = lo - Math.max(1.0, Math.abs(lo));
            out.add(new InvalidAction("element 0 = " + beyond + " below the lower bound " + lo, withElement0(b, rng, beyond)));
        }
        out.add(new InvalidAction("element 0 = NaN", withElement0(b, rng, Double.NaN)));
        Object wrongLength = b.dtype() == Box.DType.FLOAT32 ? new float[b.flatDim() + 1] : new double[b.flatDim() + 1];
        out.add(new InvalidAction(ValueChecks.typeName(wrongLength) + " of length " + (b.flatDim() + 1)
                + " instead of " + b.flatDim(), wrongLength));
    }

    private static Object withElement0(Box<?> b, Rng rng, double value) {
        Object a = b.sample(rng);
        if (a instanceof float[] f) {
            f[0] = (float) value;
        } else {
            ((double[]) a)[0] = value;
        }
        return a;
    }
}
