package org.deeprl4j.experiments.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/** Writes run folders in the layout {@code train} writes, with chosen numbers, for tests. */
public final class FakeRun {
    private FakeRun() {
    }

    /**
     * A run folder: config.yaml, episodes.csv with episodes ending every {@code episodeSteps} steps
     * with returns {@code returns}, evaluations.csv with {@code evals} (step, mean pairs; the last is
     * the final evaluation when finished) and, when finished, final_model.zip and report.html.
     */
    public static Path write(Path dir, String env, String algo, long seed, Map<String, Object> hp, long episodeSteps,
                             double[] returns, double[][] evals, boolean finished) {
        try {
            Files.createDirectories(dir);
            Map<String, Object> cfg = new LinkedHashMap<>();
            cfg.put("algo", algo);
            cfg.put("env", env);
            cfg.put("env_kwargs", Map.of());
            cfg.put("seed", seed);
            cfg.put("n_timesteps", episodeSteps * returns.length);
            cfg.put("deeprl4j_version", "test");
            cfg.put("hyperparameters", hp);
            Files.writeString(dir.resolve("config.yaml"), new Yaml().dump(cfg));
            StringBuilder eps = new StringBuilder("step,env,return,length\n");
            for (int i = 0; i < returns.length; i++) {
                eps.append(episodeSteps * (i + 1)).append(",0,").append(returns[i]).append(',').append(episodeSteps).append('\n');
            }
            Files.writeString(dir.resolve("episodes.csv"), eps);
            StringBuilder ev = new StringBuilder("step,mean,std,episodes\n");
            for (double[] e : evals) {
                ev.append((long) e[0]).append(',').append(e[1]).append(",0,5\n");
            }
            Files.writeString(dir.resolve("evaluations.csv"), ev);
            if (finished) {
                Files.write(dir.resolve("final_model.zip"), new byte[] {1});
                Files.writeString(dir.resolve("report.html"), "<html></html>");
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A finished run with 10 episodes of 10 steps, all returning {@code ret}, and evaluations (50, best) and (100, fin). */
    public static Path finished(Path dir, String env, long seed, Map<String, Object> hp, double ret, double best, double fin) {
        double[] returns = new double[10];
        java.util.Arrays.fill(returns, ret);
        return write(dir, env, "dqn", seed, hp, 10, returns, new double[][] {{50, best}, {100, fin}}, true);
    }
}
