package org.deeprl4j.experiments.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeprl4j.experiments.output.HtmlReport;
import org.deeprl4j.experiments.output.RunHistory;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * A run folder as read back for reports and sweeps: its identity from {@code config.yaml}, its
 * recorded history ({@link RunHistory}) and the numbers a comparison needs.
 *
 * <p>A run is <em>finished</em> when its final model and its {@code report.html} exist: a run that
 * diverged also saves its last good model, but only a run that completed its final evaluation
 * writes the report.
 *
 * @param dir the run folder
 * @param env env id
 * @param algo algorithm name
 * @param envKwargs env keyword arguments (empty when none)
 * @param seed root seed
 * @param hyperparameters resolved hyperparameters (without the seed)
 * @param nTimesteps the configured training length ({@code n_timesteps}; 0 when the config has none)
 * @param finished whether the run completed (see above)
 * @param steps env steps trained (of a finished run: the final evaluation's step; otherwise the last episode's)
 * @param finalEvaluation mean return of the final evaluation; NaN when the run did not finish
 * @param bestEvaluation best evaluation mean return, the final one included; NaN when none ran
 * @param history the run's episodes, evaluations and metrics
 */
public record RunFolder(Path dir, String env, String algo, Map<String, Object> envKwargs, long seed,
                        Map<String, Object> hyperparameters, long nTimesteps, boolean finished, long steps, double finalEvaluation,
                        double bestEvaluation, RunHistory history) {
    /** The resolved config every run writes. */
    public static final String CONFIG = "config.yaml";
    /** Names of the final model, newest first ({@code model.zip} is the older name). */
    public static final List<String> FINAL_MODEL_NAMES = List.of("final_model.zip", "model.zip");

    public RunFolder {
        envKwargs = Collections.unmodifiableMap(new LinkedHashMap<>(envKwargs));
        hyperparameters = Collections.unmodifiableMap(new LinkedHashMap<>(hyperparameters));
    }

    /** Whether {@code dir} holds a {@value #CONFIG} (is, or was started as, a run folder). */
    public static boolean isRun(Path dir) {
        return Files.isRegularFile(dir.resolve(CONFIG));
    }

    /** Whether the run in {@code dir} completed: final model and report present. */
    public static boolean isFinished(Path dir) {
        return Files.isRegularFile(dir.resolve(HtmlReport.FILE))
                && FINAL_MODEL_NAMES.stream().anyMatch(n -> Files.isRegularFile(dir.resolve(n)));
    }

    /**
     * Reads a run folder.
     *
     * @throws IllegalArgumentException naming the folder when it is not a run folder or a file in it is unreadable
     */
    public static RunFolder read(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException(dir + " is not a folder");
        }
        if (!isRun(dir)) {
            throw new IllegalArgumentException(dir + " is not a run folder (no " + CONFIG + ")");
        }
        Map<String, Object> config = readConfig(dir.resolve(CONFIG));
        RunHistory history;
        try {
            history = RunHistory.read(dir);
        } catch (UncheckedIOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("run folder " + dir + ": " + e.getMessage(), e);
        }
        boolean finished = isFinished(dir);
        List<RunHistory.EvalPoint> evals = history.evaluations();
        double best = evals.stream().mapToDouble(RunHistory.EvalPoint::mean).filter(v -> !Double.isNaN(v)).max().orElse(Double.NaN);
        double fin = finished && !evals.isEmpty() ? evals.get(evals.size() - 1).mean() : Double.NaN;
        long steps;
        if (finished && !evals.isEmpty()) {
            steps = evals.get(evals.size() - 1).step();
        } else {
            steps = history.episodes().isEmpty() ? 0 : history.episodes().get(history.episodes().size() - 1).step();
        }
        Path file = dir.resolve(CONFIG);
        return new RunFolder(dir, text(config, "env", file), text(config, "algo", file), map(config, "env_kwargs", file),
                number(config, "seed", file).longValue(), map(config, "hyperparameters", file),
                config.get("n_timesteps") == null ? 0 : number(config, "n_timesteps", file).longValue(), finished, steps, fin, best,
                history);
    }

    private static Map<String, Object> readConfig(Path file) {
        Object doc;
        try (InputStream in = Files.newInputStream(file)) {
            doc = new Yaml(new LoaderOptions()).load(in);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (YAMLException e) {
            throw new IllegalArgumentException(file + " is not valid YAML: " + e.getMessage().replace('\n', ' '), e);
        }
        if (!(doc instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException(file + " is not a YAML mapping (a run's config.yaml has keys env, algo, seed, ...)");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }

    private static String text(Map<String, Object> config, String key, Path file) {
        if (!(config.get(key) instanceof String s) || s.isBlank()) {
            throw new IllegalArgumentException(file + ": '" + key + "' must be a non-empty string, got " + config.get(key));
        }
        return s;
    }

    private static Number number(Map<String, Object> config, String key, Path file) {
        if (!(config.get(key) instanceof Number n)) {
            throw new IllegalArgumentException(file + ": '" + key + "' must be a number, got " + config.get(key));
        }
        return n;
    }

    private static Map<String, Object> map(Map<String, Object> config, String key, Path file) {
        Object v = config.get(key);
        if (v == null) {
            return Map.of();
        }
        if (!(v instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException(file + ": '" + key + "' must be a mapping, got " + v);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, x) -> out.put(String.valueOf(k), x));
        return out;
    }
}
