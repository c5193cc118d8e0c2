package org.deeprl4j.experiments.output;

/**
 * Identity of a run for reports.
 *
 * @param envId env id
 * @param algo algorithm name
 * @param seed root seed
 * @param steps env steps trained
 * @param version deeprl4j version
 * @param gitCommit commit the code was built from, or null when unknown
 */
public record RunMetadata(String envId, String algo, long seed, long steps, String version, String gitCommit) {
    public RunMetadata {
        requireText(envId, "envId");
        requireText(algo, "algo");
        requireText(version, "version");
        if (steps < 0) {
            throw new IllegalArgumentException("steps must be >= 0, got " + steps);
        }
    }

    static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must be non-empty, got '" + value + "'");
        }
    }
}
