package org.deeprl4j.experiments.bench;

import java.io.PrintStream;
import java.util.List;

/**
 * A side-by-side benchmark against another library, found with {@link java.util.ServiceLoader} and
 * run by {@code deeprl4j bench --vs NAME}. Implementations live in their own modules (the RL4J one
 * in module {@code rl4j}) so a foreign library never joins the core classpath.
 */
public interface Comparison {
    /** The name given to {@code --vs}, e.g. {@code "rl4j"}. */
    String name();

    /**
     * Trains both libraries with matched settings in this process and returns the figures (both
     * throughputs, both final returns, the ratios).
     *
     * @param settings what to run
     * @param log      progress lines (one per finished run)
     */
    List<BenchResult> run(ComparisonSettings settings, PrintStream log);
}
