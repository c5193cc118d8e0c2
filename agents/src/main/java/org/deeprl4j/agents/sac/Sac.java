package org.deeprl4j.agents.sac;

import java.util.LinkedHashMap;
import java.util.Map;
import org.deeprl4j.agents.Algorithm;
import org.deeprl4j.agents.Policy;
import org.deeprl4j.env.Rng;
import org.deeprl4j.env.spaces.Space;
import org.deeprl4j.nn.LoadedModels;
import org.deeprl4j.nn.Network;

/**
 * SAC as the experiment runner sees it; a saved model holds the networks "actor", "critic" and
 * "critic_target", and the action bounds come from the model metadata's {@code action_space}.
 */
public final class Sac implements Algorithm<SacConfig, SacAgent> {
    @Override
    public String name() {
        return "sac";
    }

    @Override
    public Class<SacConfig> configType() {
        return SacConfig.class;
    }

    @Override
    public SacConfig defaultConfig() {
        return SacConfig.defaults();
    }

    @Override
    public int numEnvs(SacConfig config) {
        return config.numEnvs();
    }

    @Override
    public SacAgent createAgent(SacConfig config, Space<?> observationSpace, Space<?> actionSpace, long totalSteps, Rng rng) {
        return new SacAgent(config, observationSpace, actionSpace, rng);
    }

    @Override
    public Map<String, Network> networks(SacAgent agent) {
        Map<String, Network> m = new LinkedHashMap<>();
        m.put("actor", agent.actor());
        m.put("critic", agent.critic());
        m.put("critic_target", agent.criticTarget());
        return m;
    }

    @Override
    public Policy loadNetworkPolicy(LoadedModels model) {
        return SacPolicy.greedy(model.network("actor"), Algorithm.obsDim(model), ActionBounds.of(model, "SAC"));
    }
}
