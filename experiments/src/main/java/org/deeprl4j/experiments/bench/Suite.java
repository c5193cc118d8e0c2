package org.deeprl4j.experiments.bench;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The benchmark suites of {@code deeprl4j bench}; {@code all} on the command line means every one. */
public enum Suite {
    /** Env steps per second: raw CartPole, the registry's CartPole-v1, 8-env vector envs. */
    ENV,
    /** Action-selection latency of greedy DQN and PPO policies against the raw DL4J forward pass. */
    INFERENCE,
    /** Training throughput and wall time until CartPole-v1 is solved, DQN and PPO. */
    TRAIN;

    /** Name on the command line and in results, e.g. {@code env}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The suites a command-line value names: one suite id or {@code all}.
     *
     * @throws IllegalArgumentException for any other value, naming the valid ones
     */
    public static Set<Suite> parse(String value) {
        String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        if (v.equals("all")) {
            return EnumSet.allOf(Suite.class);
        }
        for (Suite s : values()) {
            if (s.id().equals(v)) {
                return EnumSet.of(s);
            }
        }
        throw new IllegalArgumentException("unknown suite '" + value + "'; valid suites: " + validNames());
    }

    /** The valid command-line values, comma-separated. */
    public static String validNames() {
        return Arrays.stream(values()).map(Suite::id).collect(Collectors.joining(", ")) + ", all";
    }
}
