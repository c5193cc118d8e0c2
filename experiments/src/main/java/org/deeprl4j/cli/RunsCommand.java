package org.deeprl4j.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.deeprl4j.experiments.output.RunIndex;
import org.deeprl4j.experiments.output.RunRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code deeprl4j runs}: lists the runs recorded in a runs folder's SQLite index. */
@Command(name = "runs",
        sortOptions = false,
        optionListHeading = "%nOptions:%n",
        description = "List training runs from the run index (runs/index.sqlite).",
        footer = {"", "Every 'deeprl4j train' adds a row to index.sqlite in its run folder's parent folder."})
public final class RunsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(names = "--dir", paramLabel = "DIR", defaultValue = "runs", description = "Runs folder (default: ${DEFAULT-VALUE}).")
    Path dir;

    @Override
    public Integer call() {
        Path file = dir.resolve("index.sqlite");
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no run index at " + file + " (train something first, or pass --dir)");
        }
        List<RunRecord> runs = new RunIndex(file).list();
        TextTable t = new TextTable("started", "env", "algo", "seed", "steps", "final", "best", "status", "run");
        for (RunRecord r : runs) {
            t.add(r.startTime().toString(), r.envId(), r.algo(), Long.toString(r.seed()), Long.toString(r.steps()),
                    fmt(r.finalReturn()), fmt(r.bestReturn()), r.status().name().toLowerCase(Locale.ROOT), r.runDir());
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(t.render());
        out.flush();
        return Main.OK;
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.2f", v);
    }
}
