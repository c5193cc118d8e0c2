package org.deeprl4j.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.deeprl4j.env.Envs;
import org.deeprl4j.env.check.CheckOptions;
import org.deeprl4j.env.check.CheckReport;
import org.deeprl4j.env.check.EnvChecker;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code deeprl4j check-env ID}: runs the {@link EnvChecker} on a registered environment and
 * prints its report; exits 0 when no error was found (warnings allowed) and 1 otherwise.
 */
@Command(name = "check-env",
        sortOptions = false,
        optionListHeading = "%nOptions:%n",
        description = "Check that an environment follows the Env API (spaces, reset, step, seeding, determinism).",
        footer = {"", "Exit code 0 when the check passes (warnings allowed), 1 when it finds errors.",
            "", "Example:", "  deeprl4j check-env CartPole-v1 --seed 42"})
public final class CheckEnvCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Parameters(index = "0", paramLabel = "ID", description = "Environment id, e.g. CartPole-v1 (see 'deeprl4j envs').")
    String envId;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0",
            description = "Seed for resets and the random actions (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--steps", paramLabel = "N", defaultValue = "" + CheckOptions.DEFAULT_RANDOM_STEPS,
            description = "Random steps replayed for the step and determinism checks (default: ${DEFAULT-VALUE}).")
    int steps;

    @Override
    public Integer call() {
        if (steps <= 0) {
            throw new ParameterException(spec.commandLine(), "--steps must be a positive number of steps, got " + steps);
        }
        Envs.validate(envId); // an unknown id is a usage error (exit 2) with suggestions, not a finding
        CheckReport report = EnvChecker.check(envId, seed, CheckOptions.defaults().withRandomSteps(steps));
        PrintWriter out = spec.commandLine().getOut();
        out.print(report.format());
        out.flush();
        return report.passed() ? Main.OK : Main.FAILURE;
    }
}
