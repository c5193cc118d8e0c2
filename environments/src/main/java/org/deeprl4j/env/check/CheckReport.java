package org.deeprl4j.env.check;

import java.util.List;

/**
 * The result of {@link EnvChecker#check}: every finding in the order the checks ran.
 *
 * @param env a description of the checked environment (its id or {@code toString()})
 * @param seed the seed the checker used
 * @param findings errors and warnings; empty when the environment is clean
 */
public record CheckReport(String env, long seed, List<Finding> findings) {
    public CheckReport {
        findings = List.copyOf(findings);
    }

    /** True when there is no {@link Severity#ERROR} finding (warnings do not fail a check). */
    public boolean passed() {
        return errors().isEmpty();
    }

    public List<Finding> errors() {
        return findings.stream().filter(f -> f.severity() == Severity.ERROR).toList();
    }

    public List<Finding> warnings() {
        return findings.stream().filter(f -> f.severity() == Severity.WARNING).toList();
    }

    /** The findings of one check, e.g. {@code findings(EnvChecker.CHECK_OBSERVATION)}. */
    public List<Finding> findings(String check) {
        return findings.stream().filter(f -> f.check().equals(check)).toList();
    }

    /** A multi-line summary for the command line: a verdict line, then one line per finding. */
    public String format() {
        int e = errors().size();
        int w = warnings().size();
        StringBuilder sb = new StringBuilder();
        sb.append("env checker: ").append(env).append(" (seed ").append(seed).append("): ")
                .append(passed() ? "PASSED" : "FAILED").append(", ")
                .append(e).append(e == 1 ? " error, " : " errors, ")
                .append(w).append(w == 1 ? " warning" : " warnings").append('\n');
        for (Finding f : findings) {
            sb.append(String.format("  %-7s [%s] %s", f.severity(), f.check(), f.message())).append('\n');
        }
        return sb.toString();
    }
}
