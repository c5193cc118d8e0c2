package org.deeprl4j.experiments.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;

/**
 * Finds {@link Comparison} implementations on the classpath with {@link ServiceLoader} (each module
 * lists its implementation in {@code META-INF/services/org.deeprl4j.experiments.bench.Comparison}).
 */
public final class Comparisons {
    private Comparisons() {
    }

    /** The comparisons on the classpath of {@code loader}, sorted by name. */
    public static List<Comparison> available(ClassLoader loader) {
        List<Comparison> out = new ArrayList<>();
        ServiceLoader.load(Comparison.class, loader).forEach(out::add);
        out.sort(java.util.Comparator.comparing(Comparison::name));
        return out;
    }

    /** The comparisons on the context class loader's classpath. */
    public static List<Comparison> available() {
        return available(Thread.currentThread().getContextClassLoader());
    }

    /**
     * The comparison called {@code name} (case-insensitive) among {@code available}.
     *
     * @throws IllegalArgumentException naming the available comparisons (or none, and where the RL4J
     *                                  one comes from)
     */
    public static Comparison find(String name, List<Comparison> available) {
        for (Comparison c : available) {
            if (c.name().equalsIgnoreCase(name)) {
                return c;
            }
        }
        List<String> names = available.stream().map(Comparison::name).toList();
        String have = names.isEmpty() ? "none" : String.join(", ", names);
        String hint = names.stream().anyMatch(n -> n.toLowerCase(Locale.ROOT).equals("rl4j")) ? ""
                : "; the RL4J comparison needs the rl4j module (experiments/rl4j) on the classpath, which the ./deeprl4j launcher adds";
        throw new IllegalArgumentException("unknown comparison '" + name + "' for --vs; available comparisons: " + have + hint);
    }
}
