package org.deeprl4j.experiments.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A peer's published or separately measured figure, shown as a fixed row beside ours and used for
 * our/peer ratios. A range {@code low..high} becomes the row's spread; ratios divide by its midpoint.
 *
 * @param suite      the suite whose table it belongs to
 * @param label      short name of the peer, e.g. {@code "SB3 zoo PPO"}
 * @param what       what was measured, e.g. {@code "train steps/s"}
 * @param unit       unit of the figure (higher is better for {@code steps/s}, lower otherwise)
 * @param low        lower end of the reported range
 * @param high       upper end (equal to {@code low} for a single figure)
 * @param provenance where the figure comes from
 */
public record Reference(String suite, String label, String what, String unit, double low, double high, String provenance) {
    public Reference {
        Objects.requireNonNull(suite, "suite");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(what, "what");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(provenance, "provenance");
        if (!(low > 0) || !(high >= low) || !Double.isFinite(high)) {
            throw new IllegalArgumentException("a reference range needs 0 < low <= high, got " + low + ".." + high);
        }
    }

    /** Gymnasium CartPole-v1 via {@code gym.make}. */
    public static final Reference GYMNASIUM_CARTPOLE = new Reference("env", "Gymnasium", "CartPole-v1 steps/s", "steps/s",
            175_000, 175_000, "reference (issue 7): Gymnasium CartPole-v1 via gym.make, measured on this machine class");
    /** Stable-Baselines3 PPO throughput with the rl-baselines3-zoo hyperparameters. */
    public static final Reference SB3_PPO_STEPS = new Reference("train", "SB3 zoo PPO", "train steps/s", "steps/s",
            5_700, 5_900, "reference (issue 7): SB3 2.4, rl-baselines3-zoo PPO CartPole-v1");
    /** Stable-Baselines3 PPO wall time to a 475 training average. */
    public static final Reference SB3_PPO_TIME = new Reference("train", "SB3 zoo PPO", "time to 475", "s",
            4.0, 6.8, "reference (issue 7): SB3 2.4, rl-baselines3-zoo PPO CartPole-v1");
    /** CleanRL {@code ppo.py} throughput. */
    public static final Reference CLEANRL_PPO_STEPS = new Reference("train", "CleanRL ppo.py", "train steps/s", "steps/s",
            5_400, 5_900, "reference (issue 7): CleanRL ppo.py defaults, CartPole-v1");
    /** CleanRL {@code ppo.py} wall time to a 475 training average. */
    public static final Reference CLEANRL_PPO_TIME = new Reference("train", "CleanRL ppo.py", "time to 475", "s",
            34, 42, "reference (issue 7): CleanRL ppo.py defaults, CartPole-v1");
    /** Stable-Baselines3 DQN throughput with the rl-baselines3-zoo hyperparameters. */
    public static final Reference SB3_DQN_STEPS = new Reference("train", "SB3 zoo DQN", "train steps/s", "steps/s",
            1_300, 1_300, "reference (issue 7): SB3 DQN, rl-baselines3-zoo CartPole-v1, about 1,300");
    /** CleanRL {@code dqn.py} throughput. */
    public static final Reference CLEANRL_DQN_STEPS = new Reference("train", "CleanRL dqn.py", "train steps/s", "steps/s",
            6_000, 6_000, "reference (issue 7): CleanRL dqn.py defaults, CartPole-v1, about 6,000");

    /** Middle of the range: the figure ratios divide by. */
    public double mid() {
        return (low + high) / 2;
    }

    /** Whether a larger figure is better (throughput) or a smaller one (times, latencies). */
    public boolean higherIsBetter() {
        return unit.endsWith("/s");
    }

    /** The fixed row: the range's ends as samples (one sample for a single figure). */
    public BenchResult toResult() {
        return new BenchResult(suite, label + " " + what, unit, low == high ? List.of(low) : List.of(low, high), provenance);
    }

    /** Our figure over this one, per repetition: {@code ours.samples[i] / mid()}. */
    public BenchResult ratio(BenchResult ours) {
        if (!ours.unit().equals(unit)) {
            throw new IllegalArgumentException("cannot compare '" + ours.name() + "' in " + ours.unit() + " with "
                    + label + " in " + unit);
        }
        List<Double> r = new ArrayList<>();
        for (double v : ours.samples()) {
            r.add(v / mid());
        }
        String note = String.format(Locale.ROOT, "ours / %s %s; %s", label, BenchTable.number(mid()),
                higherIsBetter() ? ">1: ours faster" : "<1: ours faster");
        return new BenchResult(ours.suite(), ours.name() + " vs " + label, "ratio", r, note);
    }
}
