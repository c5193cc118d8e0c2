package org.deeprl4j.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.deeprl4j.experiments.report.ComparisonReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code deeprl4j report}: compares runs, grouped by env, algorithm and hyperparameters, across seeds. */
@Command(name = "report",
        sortOptions = false,
        optionListHeading = "%nOptions:%n",
        description = "Compare runs across seeds: a table (Markdown on stdout, CSV) and a learning-curve plot.",
        footer = {"", "Each RUN is a run folder or a folder holding run folders (e.g. runs/ or a sweep folder,",
            "searched " + ComparisonReport.MAX_DEPTH + " levels deep). Runs with the same env, env kwargs, algorithm,",
            "hyperparameters and n_timesteps form a group; per group the table shows the runs, their seeds, the mean",
            "and std over seeds of the final and of the best evaluation return, and the mean steps. The plot shows per",
            "group the training return (mean of the last 100 episodes) as mean +- std over seeds on a common step grid.",
            "Writes DIR/comparison.csv, DIR/comparison.png and DIR/comparison.svg. A folder that is not a run and",
            "holds none, or an unreadable run, is bad usage (exit 2).",
            "", "Examples:", "  deeprl4j report runs", "  deeprl4j report sweeps/dqn --out reports/dqn"})
public final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Parameters(paramLabel = "RUN", arity = "1..*", description = "Run folders, or folders holding run folders.")
    List<Path> runs;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "report",
            description = "Folder for comparison.csv/.png/.svg (default: ${DEFAULT-VALUE}).")
    Path out;

    @Override
    public Integer call() {
        ComparisonReport report = ComparisonReport.of(ComparisonReport.collect(runs));
        List<Path> files = report.write(out);
        PrintWriter o = spec.commandLine().getOut();
        o.print(report.markdown());
        o.flush();
        PrintWriter err = spec.commandLine().getErr();
        err.println("report: " + report.groups().stream().mapToInt(g -> g.runs().size()).sum() + " runs in "
                + report.groups().size() + " groups; wrote " + files.stream().map(Path::toString).collect(Collectors.joining(", ")));
        err.flush();
        return Main.OK;
    }
}
