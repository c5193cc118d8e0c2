package org.deeprl4j.agents;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.deeprl4j.agents.dqn.Dqn;
import org.deeprl4j.env.Suggestions;

/** The algorithms deeprl4j ships, by command-line name. */
public final class Algorithms {
    private static final Map<String, Algorithm<?, ?>> ALL = new LinkedHashMap<>();

    static {
        register(new Dqn());
        register(new org.deeprl4j.agents.sac.Sac());
        register(new org.deeprl4j.agents.td3.Td3());
        register(new org.deeprl4j.agents.ppo.Ppo());
        register(new org.deeprl4j.agents.a2c.A2c());
        register(new org.deeprl4j.agents.reinforce.Reinforce());
    }

    private Algorithms() {
    }

    private static void register(Algorithm<?, ?> a) {
        ALL.put(a.name(), a);
    }

    /** The algorithm called {@code name}, or an error listing the known ones. */
    public static Algorithm<?, ?> get(String name) {
        Algorithm<?, ?> a = name == null ? null : ALL.get(name.toLowerCase(Locale.ROOT));
        if (a == null) {
            throw new IllegalArgumentException("unknown algorithm '" + name + "'" + Suggestions.didYouMean(String.valueOf(name), ALL.keySet())
                    + "; available: " + String.join(", ", ALL.keySet()));
        }
        return a;
    }

    public static List<String> names() {
        return List.copyOf(ALL.keySet());
    }
}
