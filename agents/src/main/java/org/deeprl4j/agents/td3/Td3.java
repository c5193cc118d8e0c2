package org.deeprl4j.agents.td3;

import java.util.LinkedHashMap;
import java.util.Map;
import org.deeprl4j.agents.Algorithm;
import org.deeprl4j.agents.Policy;
import org.deeprl4j.agents.sac.ActionBounds;
import org.deeprl4j.env.Rng;
import org.deeprl4j.env.spaces.Space;
import org.deeprl4j.nn.LoadedModels;
import org.deeprl4j.nn.Network;

/**
 * TD3 as the experiment runner sees it; a saved model holds the networks "actor", "actor_target",
 * "critic" and "critic_target", and the action bounds come from the metadata's {@code action_space}.
 */
public final class Td3 implements Algorithm<Td3Config, Td3Agent> {
    @Override
    public String name() {
        return "td3";
    }

    @Override
    public Class<Td3Config> configType() {
        return Td3Config.class;
    }

    @Override
    public Td3Config defaultConfig() {
        return Td3Config.defaults();
    }

    @Override
    public int numEnvs(Td3Config config) {
        return config.numEnvs();
    }

    @Override
    public Td3Agent createAgent(Td3Config config, Space<?> observationSpace, Space<?> actionSpace, long totalSteps, Rng rng) {
        return new Td3Agent(config, observationSpace, actionSpace, rng);
    }

    @Override
    public Map<String, Network> networks(Td3Agent agent) {
        Map<String, Network> m = new LinkedHashMap<>();
        m.put("actor", agent.actor());
        m.put("actor_target", agent.actorTarget());
        m.put("critic", agent.critic());
        m.put("critic_target", agent.criticTarget());
        return m;
    }

    @Override
    public Policy loadNetworkPolicy(LoadedModels model) {
        return Td3Policy.greedy(model.network("actor"), Algorithm.obsDim(model), ActionBounds.of(model, "TD3"));
    }
}
