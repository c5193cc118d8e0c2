package org.deeprl4j.cli;

import picocli.CommandLine.Option;

/**
 * Options every verb has: {@code -h/--help} and {@code --verbose}. Include it in a verb with
 * {@code @Mixin CommonOptions common;}.
 */
public final class CommonOptions {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Option(names = "--verbose", description = "Print stack traces with errors (also DEEPRL4J_DEBUG=1).")
    boolean verbose;
}
