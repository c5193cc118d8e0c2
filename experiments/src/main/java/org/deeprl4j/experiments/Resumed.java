package org.deeprl4j.experiments;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.deeprl4j.agents.Agent;
import org.deeprl4j.agents.Checkpointable;
import org.deeprl4j.env.vector.VectorEnv;
import org.deeprl4j.experiments.output.OutputFiles;

/**
 * A run folder to continue: its {@code config.yaml} and {@code checkpoint.zip}, checked before
 * anything in the folder changes.
 *
 * @param job        the run's job (same folder, config, seed and settings)
 * @param checkpoint the checkpoint to continue from
 */
record Resumed(TrainJob job, Checkpoint checkpoint) {
    static Resumed load(Path runDir) {
        if (!Files.isDirectory(runDir)) {
            throw new IllegalArgumentException("cannot resume " + runDir + ": no such folder");
        }
        Path config = runDir.resolve(RunOutputs.CONFIG);
        if (!Files.exists(config)) {
            throw new IllegalArgumentException("cannot resume " + runDir + ": not a run folder (no " + RunOutputs.CONFIG + ")");
        }
        Path file = runDir.resolve(Checkpoint.FILE);
        if (!Files.exists(file)) {
            throw new IllegalArgumentException("cannot resume " + runDir + ": no " + Checkpoint.FILE
                    + " (runs write one every --checkpoint-freq steps and when stopped with Ctrl-C or SIGTERM)");
        }
        RunConfigFile cfg = RunConfigFile.read(config, null, null);
        Checkpoint cp;
        try {
            cp = Checkpoint.read(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot resume " + runDir + ": " + e.getMessage(), e);
        }
        Map<String, Object> info = cp.info();
        if (!cfg.algo().equals(info.get("algo"))) {
            throw new IllegalArgumentException("cannot resume " + runDir + ": " + file + " was written by algorithm '"
                    + info.get("algo") + "' but the run's " + RunOutputs.CONFIG + " says '" + cfg.algo() + "'");
        }
        if (cfg.envId() == null || !cfg.envId().equals(info.get("env_id"))) {
            throw new IllegalArgumentException("cannot resume " + runDir + ": " + file + " is for env '" + info.get("env_id")
                    + "' but the run's " + RunOutputs.CONFIG + " says '" + cfg.envId() + "'");
        }
        long steps = cfg.steps() != null ? cfg.steps() : number(info, "total_steps");
        if (cp.trainer().step() >= steps) {
            throw new IllegalArgumentException("cannot resume " + runDir + ": the checkpoint is at step " + cp.trainer().step()
                    + " of " + steps + ": the run has finished");
        }
        Object stop = info.get("stop_at_reward");
        TrainJob job = new TrainJob(cfg.algo(), cfg.envId(), cfg.seed() == null ? 0 : cfg.seed(), steps, runDir,
                cfg.hyperparameters(), cfg.envKwargs(), number(info, "eval_frequency"), (int) number(info, "eval_episodes"),
                stop instanceof Number n ? n.doubleValue() : Double.NaN, number(info, "checkpoint_frequency"));
        return new Resumed(job, cp);
    }

    /** The checkpoint's vector env. */
    static VectorEnv env(Checkpoint cp, Path runDir) {
        try {
            return cp.restoreEnv();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot resume " + runDir + ": " + e.getMessage(), e);
        }
    }

    /** Loads the agent's state, then rolls the run's files back to the checkpoint. */
    static void restore(Checkpoint cp, Agent agent, Path runDir) {
        if (!(agent instanceof Checkpointable c)) {
            throw new IllegalArgumentException("cannot resume " + runDir + ": " + agent.getClass().getSimpleName()
                    + " does not support checkpoints");
        }
        try {
            c.loadState(cp.agent());
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("cannot resume " + runDir + ": the agent state in " + Checkpoint.FILE
                    + " does not fit this run: " + e.getMessage(), e);
        }
        for (Map.Entry<String, byte[]> f : cp.files().entrySet()) {
            if (!RunOutputs.CHECKPOINTED_FILES.contains(f.getKey())) {
                continue; // never write names a checkpoint should not hold
            }
            OutputFiles.writeAtomically(runDir.resolve(f.getKey()), f.getValue());
        }
    }

    private static long number(Map<String, Object> info, String key) {
        if (!(info.get(key) instanceof Number n)) {
            throw new IllegalArgumentException("checkpoint.json lacks '" + key + "'");
        }
        return n.longValue();
    }
}
