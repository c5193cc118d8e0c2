package org.deeprl4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.deeprl4j.agents.Algorithms;
import org.deeprl4j.agents.EvalResult;
import org.deeprl4j.agents.Evaluator;
import org.deeprl4j.agents.Policy;
import org.deeprl4j.agents.TrainingEnvs;
import org.deeprl4j.env.Env;
import org.deeprl4j.nn.LoadedModels;
import org.deeprl4j.nn.ModelFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code deeprl4j evaluate MODEL}: rebuilds the env and the greedy policy from a model file alone
 * (its metadata names the algorithm and env) and reports the mean return over N episodes. A model
 * trained with {@code normalize} acts behind the observation statistics saved with it (frozen; the
 * reported returns are the env's raw rewards).
 */
@Command(name = "evaluate",
        sortOptions = false,
        optionListHeading = "%nOptions:%n",
        description = "Play a saved model greedily and report its mean return.",
        footer = {"", "The model file's metadata names the algorithm, env id and env kwargs; nothing else is needed.",
            "A model trained with 'normalize' applies the observation statistics saved with it.",
            "", "Example:", "  deeprl4j evaluate runs/CartPole-v1__dqn__0__20261125-120000/final_model.zip --episodes 20"})
public final class EvaluateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Parameters(index = "0", paramLabel = "MODEL", description = "Model file written by 'deeprl4j train'.")
    Path model;

    @Option(names = "--episodes", paramLabel = "N", defaultValue = "20", description = "Episodes (default: ${DEFAULT-VALUE}).")
    int episodes;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0", description = "Seed of the first reset (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        if (episodes <= 0) {
            throw new ParameterException(spec.commandLine(), "--episodes must be positive, got " + episodes);
        }
        if (!Files.isRegularFile(model)) {
            throw new IllegalArgumentException("model file " + model + " does not exist");
        }
        LoadedModels loaded;
        try {
            loaded = ModelFile.loadAll(model);
        } catch (IOException e) {
            throw new IllegalArgumentException(e.getMessage(), e); // corrupt or foreign file: bad input
        }
        Map<String, Object> meta = loaded.metadata();
        String algo = String.valueOf(meta.get("algorithm"));
        String envId = String.valueOf(meta.get("env_id"));
        @SuppressWarnings("unchecked")
        Map<String, Object> kwargs = meta.get("env_kwargs") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        Policy policy;
        try {
            policy = Algorithms.get(algo).loadPolicy(loaded);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("model file " + model + ": " + e.getMessage(), e);
        }
        EvalResult r;
        try (Env<?, ?> env = TrainingEnvs.make(envId, kwargs)) {
            r = Evaluator.evaluate(policy, env, episodes, seed);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.printf(Locale.ROOT, "{\"model\":\"%s\",\"algorithm\":\"%s\",\"env_id\":\"%s\",\"episodes\":%d,"
                    + "\"mean_return\":%s,\"std_return\":%s,\"mean_length\":%s}%n", model.toString().replace("\\", "\\\\").replace("\"", "\\\""),
                    algo, envId, episodes, r.mean(), r.std(), r.meanLength());
        } else {
            out.printf(Locale.ROOT, "%s (%s on %s): mean return %.2f +/- %.2f over %d episodes (mean length %.1f)%n",
                    model, algo, envId, r.mean(), r.std(), episodes, r.meanLength());
        }
        out.flush();
        return Main.OK;
    }
}
