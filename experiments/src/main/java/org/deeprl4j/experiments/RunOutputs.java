package org.deeprl4j.experiments;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.deeprl4j.agents.EvalResult;
import org.deeprl4j.agents.TrainResult;
import org.deeprl4j.agents.TrainingListener;
import org.deeprl4j.experiments.output.EvaluationsCsv;
import org.deeprl4j.experiments.output.HtmlReport;
import org.deeprl4j.experiments.output.LearningCurve;
import org.deeprl4j.experiments.output.ProgressBar;
import org.deeprl4j.experiments.output.ProgressCsv;
import org.deeprl4j.experiments.output.RunHistory;
import org.deeprl4j.experiments.output.RunIndex;
import org.deeprl4j.experiments.output.RunMetadata;
import org.deeprl4j.experiments.output.RunRecord;
import org.deeprl4j.experiments.output.TensorBoardListener;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Everything a run writes besides its models: {@code config.yaml} (resolved config with seed,
 * version and git commit), {@code monitor.csv}, {@code episodes.csv}, {@code progress.csv},
 * {@code evaluations.csv}, a TensorBoard event file, the learning curve (PNG and SVG), a
 * self-contained {@code report.html}, the progress bar or log lines, and the run's row in the
 * SQLite index ({@code index.sqlite} in the run folder's parent, e.g. {@code runs/index.sqlite}).
 */
final class RunOutputs {
    static final String CONFIG = "config.yaml";
    static final String INDEX = "index.sqlite";
    static final String MONITOR = "monitor.csv";
    /** Files a checkpoint carries, so a resumed run continues them from the checkpoint's step. */
    static final java.util.List<String> CHECKPOINTED_FILES = java.util.List.of(MONITOR, RunHistory.EPISODES_CSV,
            ProgressCsv.FILE, EvaluationsCsv.FILE);

    private final Path dir;
    private final RunMetadata meta;
    private final Map<String, Object> config;
    private final List<TrainingListener> listeners = new ArrayList<>();
    private final List<AutoCloseable> closeables = new ArrayList<>();
    private final EvaluationsCsv evaluations;
    private final RunIndex index;
    private RunRecord record;

    /**
     * @param resumeStep env step of the checkpoint a resumed run continues from (its files were
     *                   restored from the checkpoint and are appended to), or -1 for a new run
     */
    RunOutputs(TrainJob job, long steps, Map<String, Object> config, PrintStream log, long resumeStep) {
        this.dir = job.outDir();
        this.config = config;
        this.meta = new RunMetadata(job.envId(), job.algo(), job.seed(), steps, version(), gitCommit());
        boolean resume = resumeStep >= 0;
        if (!resume) {
            writeConfig(job, steps);
        }
        add(EpisodeCsv.monitor(dir.resolve(MONITOR), job.envId(), System.currentTimeMillis() / 1000.0, resume));
        add(EpisodeCsv.episodes(dir.resolve(RunHistory.EPISODES_CSV), resume));
        long every = Math.max(1, steps / 100);
        add(resume ? ProgressCsv.resume(dir.resolve(ProgressCsv.FILE), every, resumeStep)
                : new ProgressCsv(dir.resolve(ProgressCsv.FILE), every));
        add(TensorBoardListener.create(dir));
        add(ProgressBar.create(log, steps));
        evaluations = new EvaluationsCsv(dir.resolve(EvaluationsCsv.FILE), resume);
        listeners.add(evaluations);
        index = new RunIndex(dir.toAbsolutePath().getParent().resolve(INDEX));
        record = new RunRecord(dir.toAbsolutePath().toString(), job.envId(), job.algo(), job.seed(), 0, Double.NaN,
                Double.NaN, Instant.now(), RunRecord.Status.RUNNING);
        index.upsert(record);
    }

    private void add(TrainingListener l) {
        listeners.add(l);
        if (l instanceof AutoCloseable c) {
            closeables.add(c);
        }
    }

    List<TrainingListener> listeners() {
        return listeners;
    }

    /** After a finished run: final evaluation row, curves, report, index row. */
    void finish(TrainResult result, EvalResult finalEvaluation) {
        evaluations.write(result.steps(), finalEvaluation);
        RunHistory history = RunHistory.read(dir);
        LearningCurve.write(history, meta.envId() + " " + meta.algo() + " seed " + meta.seed(), dir);
        HtmlReport.write(dir.resolve(HtmlReport.FILE), meta, config, finalEvaluation, history);
        double best = Double.isNaN(result.bestEvaluationMean()) ? finalEvaluation.mean()
                : Math.max(result.bestEvaluationMean(), finalEvaluation.mean());
        index.upsert(record.with(result.steps(), finalEvaluation.mean(), best, RunRecord.Status.FINISHED));
    }

    /** After a run stopped on request with a checkpoint: closes the writers, marks the index row. */
    void interrupt(long steps) {
        closeAll();
        index.upsert(record.with(steps, Double.NaN, Double.NaN, RunRecord.Status.INTERRUPTED));
    }

    /** After a run that stopped with an error: closes the writers and marks the index row. */
    void fail(long steps) {
        closeAll();
        index.upsert(record.with(steps, Double.NaN, Double.NaN, RunRecord.Status.FAILED));
    }

    private void closeAll() {
        for (AutoCloseable c : closeables) {
            try {
                c.close();
            } catch (Exception ignored) {
                // the run already stopped; keep the original error
            }
        }
    }

    private void writeConfig(TrainJob job, long steps) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("algo", job.algo());
        doc.put("env", job.envId());
        doc.put("env_kwargs", job.envKwargs());
        doc.put("seed", job.seed());
        doc.put("n_timesteps", steps);
        doc.put("deeprl4j_version", meta.version());
        if (meta.gitCommit() != null) {
            doc.put("git_commit", meta.gitCommit());
        }
        doc.put("hyperparameters", config);
        DumperOptions opts = new DumperOptions();
        opts.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        try {
            Files.writeString(dir.resolve(CONFIG), new Yaml(opts).dump(doc));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(CONFIG), e);
        }
    }

    static String version() {
        try (InputStream in = RunOutputs.class.getResourceAsStream("/org/deeprl4j/cli/version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** The git commit of the working directory, or null when git or a repository is not available. */
    static String gitCommit() {
        try {
            Process p = new ProcessBuilder("git", "rev-parse", "HEAD").redirectErrorStream(true).start();
            if (!p.waitFor(2, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return null;
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return p.exitValue() == 0 && out.matches("[0-9a-f]{40}") ? out : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
