package org.deeprl4j.agents.reinforce;

import java.util.Map;
import org.deeprl4j.agents.Algorithm;
import org.deeprl4j.agents.Policy;
import org.deeprl4j.agents.ppo.Ppo;
import org.deeprl4j.env.Rng;
import org.deeprl4j.env.spaces.Space;
import org.deeprl4j.nn.LoadedModels;
import org.deeprl4j.nn.Network;

/** REINFORCE as the experiment runner sees it; a saved model holds the network "policy" (with the baseline head). */
public final class Reinforce implements Algorithm<ReinforceConfig, ReinforceAgent> {
    @Override
    public String name() {
        return "reinforce";
    }

    @Override
    public Class<ReinforceConfig> configType() {
        return ReinforceConfig.class;
    }

    @Override
    public ReinforceConfig defaultConfig() {
        return ReinforceConfig.defaults();
    }

    @Override
    public int numEnvs(ReinforceConfig config) {
        return config.numEnvs();
    }

    @Override
    public ReinforceAgent createAgent(ReinforceConfig config, Space<?> observationSpace, Space<?> actionSpace, long totalSteps,
                                      Rng rng) {
        return new ReinforceAgent(config, observationSpace, actionSpace, rng);
    }

    @Override
    public Map<String, Network> networks(ReinforceAgent agent) {
        return Map.of(Ppo.POLICY, agent.network());
    }

    @Override
    public Policy loadNetworkPolicy(LoadedModels model) {
        return Ppo.loadGreedy(model, name());
    }
}
