package org.deeprl4j.env;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A registered environment: Gymnasium's {@code EnvSpec}.
 *
 * @param id versioned id, {@code [namespace/]Name-vN}
 * @param factory creates the unwrapped environment
 * @param maxEpisodeSteps time limit applied by {@link Envs#make} as a TimeLimit wrapper; null for none
 * @param rewardThreshold mean return at which the task counts as solved; null when undefined
 * @param deterministic whether the dynamics are deterministic given the seed and actions
 * @param kwargs default keyword arguments, overridden by those given to {@link Envs#make}
 */
public record EnvSpec(String id, EnvFactory factory, Integer maxEpisodeSteps, Double rewardThreshold,
                      boolean deterministic, Map<String, Object> kwargs) {

    /** {@code [namespace/]name-vN} as in Gymnasium. */
    public static final Pattern ID = Pattern.compile("^(?:([\\w:.-]+)/)?([\\w:.-]+?)(?:-v(\\d+))$");

    public EnvSpec {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("malformed environment id '" + id
                    + "': expected [namespace/]Name-vN, e.g. CartPole-v1");
        }
        if (factory == null) {
            throw new IllegalArgumentException("environment " + id + " needs a factory");
        }
        if (maxEpisodeSteps != null && maxEpisodeSteps <= 0) {
            throw new IllegalArgumentException("max episode steps of " + id + " must be positive, got " + maxEpisodeSteps);
        }
        kwargs = kwargs == null ? Map.of() : Map.copyOf(kwargs);
    }

    /** A deterministic spec without default kwargs. */
    public static EnvSpec of(String id, EnvFactory factory, Integer maxEpisodeSteps, Double rewardThreshold) {
        return new EnvSpec(id, factory, maxEpisodeSteps, rewardThreshold, true, Map.of());
    }

    /** The id without its version suffix, e.g. {@code CartPole} for {@code CartPole-v1}. */
    public String name() {
        Matcher m = ID.matcher(id);
        m.matches();
        return (m.group(1) == null ? "" : m.group(1) + "/") + m.group(2);
    }

    /** The version number, e.g. 1 for {@code CartPole-v1}. */
    public int version() {
        Matcher m = ID.matcher(id);
        m.matches();
        return Integer.parseInt(m.group(3));
    }
}
