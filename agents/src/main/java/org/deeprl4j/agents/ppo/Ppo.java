package org.deeprl4j.agents.ppo;

import java.util.Map;
import org.deeprl4j.agents.Algorithm;
import org.deeprl4j.agents.Policy;
import org.deeprl4j.env.Rng;
import org.deeprl4j.env.spaces.Space;
import org.deeprl4j.env.spaces.Spaces;
import org.deeprl4j.nn.LoadedModels;
import org.deeprl4j.nn.Network;

/** PPO as the experiment runner sees it; a saved model holds the actor-critic network "policy". */
public final class Ppo implements Algorithm<PpoConfig, PpoAgent> {
    /** Name of the actor-critic network in a model file. */
    public static final String POLICY = "policy";
    /** Metadata key of the action space ({@link Space#toJson()}), written by the experiment runner. */
    public static final String ACTION_SPACE = "action_space";

    @Override
    public String name() {
        return "ppo";
    }

    @Override
    public Class<PpoConfig> configType() {
        return PpoConfig.class;
    }

    @Override
    public PpoConfig defaultConfig() {
        return PpoConfig.defaults();
    }

    @Override
    public int numEnvs(PpoConfig config) {
        return config.numEnvs();
    }

    @Override
    public PpoAgent createAgent(PpoConfig config, Space<?> observationSpace, Space<?> actionSpace, long totalSteps, Rng rng) {
        return new PpoAgent(config, observationSpace, actionSpace, totalSteps, rng);
    }

    @Override
    public Map<String, Network> networks(PpoAgent agent) {
        return Map.of(POLICY, agent.network());
    }

    @Override
    public Policy loadNetworkPolicy(LoadedModels model) {
        return loadGreedy(model, name());
    }

    /** The greedy policy of a saved actor-critic model (PPO, A2C): needs the "action_space" metadata. */
    public static Policy loadGreedy(LoadedModels model, String algorithm) {
        if (!(model.metadata().get(ACTION_SPACE) instanceof Map<?, ?> json)) {
            throw new IllegalArgumentException("model file metadata lacks '" + ACTION_SPACE + "' (needed by " + algorithm + ")");
        }
        @SuppressWarnings("unchecked")
        Space<?> actionSpace = Spaces.fromJson((Map<String, ?>) json);
        return new ActorCriticModel(model.network(POLICY), Algorithm.obsDim(model), actionSpace, algorithm).greedyPolicy();
    }
}
