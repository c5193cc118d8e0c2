package org.deeprl4j.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.deeprl4j.agents.Algorithms;
import org.deeprl4j.agents.TrainingDivergedException;
import org.deeprl4j.env.Envs;
import org.deeprl4j.experiments.Presets;
import org.deeprl4j.experiments.TrainJob;
import org.deeprl4j.experiments.TrainOutcome;
import org.deeprl4j.experiments.TrainRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code deeprl4j train}: trains an agent with the embedded hyperparameters for the env (overridable
 * with {@code --set}) and writes the model and episode CSVs into the output folder.
 */
@Command(name = "train",
        sortOptions = false,
        optionListHeading = "%nOptions:%n",
        description = "Train an agent on an environment with embedded default hyperparameters.",
        footer = {"", "Writes into the output folder: model.zip (final model), best_model.zip (best periodic",
            "evaluation), monitor.csv (Stable-Baselines3 format: r,l,t per episode) and episodes.csv",
            "(step,env,return,length). Play a model with 'deeprl4j evaluate DIR/model.zip'.",
            "", "Examples:", "  deeprl4j train", "  deeprl4j train --algo dqn --env CartPole-v1 --seed 1 --steps 50000",
            "  deeprl4j train --env Acrobot-v1 --set double_dqn=true --set net_arch=[128,128]"})
public final class TrainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(names = "--algo", paramLabel = "NAME", defaultValue = "dqn",
            description = "Algorithm: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).", completionCandidates = AlgoNames.class)
    String algo;

    @Option(names = "--env", paramLabel = "ID", defaultValue = "CartPole-v1",
            description = "Environment id (default: ${DEFAULT-VALUE}; see 'deeprl4j envs').")
    String envId;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0", description = "Root seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--steps", paramLabel = "N", description = "Env steps to train (default: the preset's n_timesteps).")
    Long steps;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Output folder (default: runs/<env>__<algo>__<seed>__<time>).")
    Path out;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Override a hyperparameter (snake_case key, e.g. learning_rate=1e-3, net_arch=[64,64]); repeatable.")
    List<String> sets = new ArrayList<>();

    @Option(names = "--kwargs", paramLabel = "K=V[,K=V...]", split = ",",
            description = "Environment keyword arguments.")
    List<String> kwargs = new ArrayList<>();

    @Option(names = "--eval-freq", paramLabel = "N",
            description = "Evaluate the greedy policy every N env steps (default: a tenth of the run; 0 = only at the end).")
    Long evalFreq;

    @Option(names = "--eval-episodes", paramLabel = "N", defaultValue = "20",
            description = "Episodes per evaluation (default: ${DEFAULT-VALUE}).")
    int evalEpisodes;

    @Override
    public Integer call() {
        if (steps != null && steps <= 0) {
            throw new ParameterException(spec.commandLine(), "--steps must be positive, got " + steps);
        }
        if (evalEpisodes <= 0) {
            throw new ParameterException(spec.commandLine(), "--eval-episodes must be positive, got " + evalEpisodes);
        }
        if (evalFreq != null && evalFreq < 0) {
            throw new ParameterException(spec.commandLine(), "--eval-freq must be >= 0, got " + evalFreq);
        }
        String algoName = Algorithms.get(algo).name();
        Envs.validate(envId);
        Path dir = out != null ? out : Path.of("runs", envId.replaceAll("[^A-Za-z0-9._-]", "_") + "__" + algoName + "__" + seed + "__"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        long total = steps != null ? steps : Presets.of(algoName, envId).nTimesteps();
        TrainJob job = new TrainJob(algoName, envId, seed, steps, dir, SetParser.parse(sets), KwargsParser.parse(kwargs),
                evalFreq != null ? evalFreq : Math.max(1, total / 10), evalEpisodes);
        TrainRunner.resolveConfig(job); // bad hyperparameters stop here, before any output
        PrintWriter o = spec.commandLine().getOut();
        java.io.PrintStream log = new java.io.PrintStream(new WriterOutputStream(o), true, java.nio.charset.StandardCharsets.UTF_8);
        o.printf(Locale.ROOT, "training %s on %s (seed %d) into %s%n", algoName, envId, seed, dir);
        o.flush();
        try {
            TrainOutcome r = TrainRunner.run(job, log);
            log.flush();
            o.printf(Locale.ROOT, "final evaluation: %s%n", r.finalEvaluation());
            o.printf(Locale.ROOT, "model saved to %s%s%n", r.model(), r.bestModel() == null ? "" : " (best: " + r.bestModel() + ")");
            o.flush();
            return Main.OK;
        } catch (TrainingDivergedException e) {
            log.flush();
            spec.commandLine().getErr().println(Main.ERROR_PREFIX + e.getMessage());
            return Main.FAILURE;
        }
    }

    /** Names for the --algo help text. */
    static final class AlgoNames extends ArrayList<String> {
        private static final long serialVersionUID = 1L;

        AlgoNames() {
            super(Algorithms.names());
        }
    }
}
