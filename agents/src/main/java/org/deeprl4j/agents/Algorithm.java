package org.deeprl4j.agents;

import org.deeprl4j.env.vector.NormalizationStats;
import org.deeprl4j.env.vector.VectorEnv;
import org.deeprl4j.nn.ModelFile;
import java.util.Map;
import java.util.Optional;
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
    /**
     * Metadata key of a model file: the {@link NormalizationStats#toMap() observation and reward
     * normalization} the agent was trained behind (present only for agents trained with a
     * {@link org.deeprl4j.env.vector.VecNormalize}), as of the moment the model was saved.
     */
    String NORMALIZATION = "normalization";

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

    /**
     * The greedy policy of a saved model's networks alone: it expects observations as the networks
     * saw them in training (normalized, for a model trained with {@code normalize}). Use
     * {@link #loadPolicy} to act on raw observations.
     */
    Policy loadNetworkPolicy(LoadedModels model);

    /**
     * The greedy policy of a saved model acting on raw observations: {@link #loadNetworkPolicy}
     * behind the observation normalization saved with the model (frozen statistics, no reward
     * scaling), or the networks' policy alone for a model trained without normalization. What
     * {@code deeprl4j evaluate} plays.
     *
     * @throws IllegalArgumentException if the saved statistics are malformed or do not fit the model
     */
    default Policy loadPolicy(LoadedModels model) {
        Optional<NormalizationStats> stats = normalization(model);
        Policy greedy = loadNetworkPolicy(model);
        return stats.filter(s -> s.settings().normObs())
                .<Policy>map(s -> new NormalizingPolicy(greedy, s.observationNormalizer())).orElse(greedy);
    }

    /**
     * The normalization statistics saved in a model file ({@value #NORMALIZATION}), if any.
     *
     * @throws IllegalArgumentException naming the key at fault when they are malformed or their
     *     observation size differs from the model's {@value #OBS_DIM}
     */
    static Optional<NormalizationStats> normalization(LoadedModels model) {
        Object entry = model.metadata().get(NORMALIZATION);
        if (entry == null) {
            return Optional.empty();
        }
        if (!(entry instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("model file metadata '" + NORMALIZATION + "' must be a mapping, got " + entry);
        }
        try {
            return Optional.of(NormalizationStats.fromMap(map, obsDim(model)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("model file metadata '" + NORMALIZATION + "' is corrupt or does not fit the model: "
                    + e.getMessage(), e);
        }
    }

    /**
     * The model-file metadata {@link #loadPolicy} and {@code deeprl4j evaluate} need: algorithm,
     * env id (when given), flat observation size, observation and action spaces, and the current
     * normalization statistics ({@value #NORMALIZATION}) when {@code env} is a
     * {@link org.deeprl4j.env.vector.VecNormalize}.
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
        TrainingEnvs.normalizer(env).ifPresent(n -> meta.put(NORMALIZATION, n.statistics().toMap()));
        return meta;
    }

    /**
     * Saves the agent's networks with {@link #modelMetadata} (atomically, statistics included; see
     * {@link ModelFile#save}).
     */
    default void save(java.nio.file.Path file, A agent, String envId, VectorEnv env) throws java.io.IOException {
        ModelFile.save(file, networks(agent), modelMetadata(envId, env));
    }
}
