package org.deeprl4j.agents;

import org.deeprl4j.env.vector.VectorEnv;
import org.deeprl4j.nn.ModelFile;
import java.util.Map;
import org.deeprl4j.env.Rng;
import org.deeprl4j.env.spaces.Space;
import org.deeprl4j.nn.LoadedModels;
import org.deeprl4j.nn.Network;

/**
 * What the experiment runner needs to know about one algorithm: its config record, how to build
 * an agent for given spaces, which networks make up a saved model and how to act from a loaded one.
 *
 * @param <C> the algorithm's config record
 * @param <A> the agent type
 */
public interface Algorithm<C extends Record, A extends Agent> {
    /** Metadata key of a model file: the flat observation size the networks take. */
    String OBS_DIM = "obs_dim";

    /** The flat observation size recorded in a model file's metadata. */
    static int obsDim(LoadedModels model) {
        if (!(model.metadata().get(OBS_DIM) instanceof Number n) || n.intValue() <= 0) {
            throw new IllegalArgumentException("model file metadata lacks a positive '" + OBS_DIM + "'");
        }
        return n.intValue();
    }

    /** Lower-case name used on the command line and in config files, e.g. {@code dqn}. */
    String name();

    Class<C> configType();

    /** Defaults for any env (the library's, e.g. SB3's). */
    C defaultConfig();

    /** Parallel envs the config asks for. */
    int numEnvs(C config);

    /**
     * Builds an agent; an action or observation space it cannot handle gives an
     * {@link IllegalArgumentException} naming the space and the algorithms that can.
     */
    A createAgent(C config, Space<?> observationSpace, Space<?> actionSpace, long totalSteps, Rng rng);

    /** The networks to save, by name. */
    Map<String, Network> networks(A agent);

    /** The greedy policy of a saved model, for evaluation and play. */
    Policy loadPolicy(LoadedModels model);

    /**
     * The model-file metadata {@link #loadPolicy} and {@code deeprl4j evaluate} need: algorithm,
     * env id (when given), flat observation size, observation and action spaces.
     */
    default Map<String, Object> modelMetadata(String envId, VectorEnv env) {
        Map<String, Object> meta = new java.util.LinkedHashMap<>();
        meta.put("algorithm", name());
        if (envId != null) {
            meta.put("env_id", envId);
        }
        meta.put(OBS_DIM, env.obsDim());
        meta.put("observation_space", env.observationSpace().toJson());
        meta.put("action_space", env.actionSpace().toJson());
        return meta;
    }

    /** Saves the agent's networks with {@link #modelMetadata} (atomically; see {@link ModelFile#save}). */
    default void save(java.nio.file.Path file, A agent, String envId, VectorEnv env) throws java.io.IOException {
        ModelFile.save(file, networks(agent), modelMetadata(envId, env));
    }
}
