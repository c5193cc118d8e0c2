package org.deeprl4j.experiments;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.deeprl4j.agents.Agent;
import org.deeprl4j.agents.CheckpointSink;
import org.deeprl4j.agents.Checkpointable;
import org.deeprl4j.agents.StateBundle;
import org.deeprl4j.agents.TrainerState;
import org.deeprl4j.env.vector.VectorEnv;

/** Writes {@code checkpoint.zip} into the run folder when the training loop asks for one. */
final class Checkpointer implements CheckpointSink {
    private final String algo;
    private final TrainJob job;
    private final long totalSteps;
    private final Agent agent;
    private final VectorEnv env;

    Checkpointer(String algo, TrainJob job, long totalSteps, Agent agent, VectorEnv env) {
        this.algo = algo;
        this.job = job;
        this.totalSteps = totalSteps;
        this.agent = agent;
        this.env = env;
    }

    @Override
    public void checkpoint(TrainerState state) {
        Path dir = job.outDir();
        try {
            StateBundle bundle = new StateBundle();
            ((Checkpointable) agent).saveState(bundle);
            Map<String, byte[]> files = new LinkedHashMap<>();
            for (String name : RunOutputs.CHECKPOINTED_FILES) {
                Path f = dir.resolve(name);
                if (Files.exists(f)) {
                    files.put(name, Files.readAllBytes(f));
                }
            }
            new Checkpoint(info(state.step()), state, Checkpoint.serialize(env), bundle, files).write(dir.resolve(Checkpoint.FILE));
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    private Map<String, Object> info(long step) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("format", Checkpoint.FORMAT);
        info.put("algo", algo);
        info.put("env_id", job.envId());
        info.put("seed", job.seed());
        info.put("step", step);
        info.put("total_steps", totalSteps);
        info.put("eval_frequency", job.evalFrequency());
        info.put("eval_episodes", job.evalEpisodes());
        info.put("checkpoint_frequency", job.checkpointFrequency());
        info.put("stop_at_reward", Double.isNaN(job.stopAtReward()) ? null : job.stopAtReward());
        info.put("deeprl4j_version", RunOutputs.version());
        return info;
    }
}
