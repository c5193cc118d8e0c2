package org.deeprl4j.agents.a2c;

import java.util.Map;
import org.deeprl4j.agents.Algorithm;
import org.deeprl4j.agents.Policy;
import org.deeprl4j.agents.ppo.Ppo;
import org.deeprl4j.env.Rng;
import org.deeprl4j.env.spaces.Space;
import org.deeprl4j.nn.LoadedModels;
import org.deeprl4j.nn.Network;

/** A2C as the experiment runner sees it; a saved model holds the actor-critic network "policy". */
public final class A2c implements Algorithm<A2cConfig, A2cAgent> {
    @Override
    public String name() {
        return "a2c";
    }

    @Override
    public Class<A2cConfig> configType() {
        return A2cConfig.class;
    }

    @Override
    public A2cConfig defaultConfig() {
        return A2cConfig.defaults();
    }

    @Override
    public int numEnvs(A2cConfig config) {
        return config.numEnvs();
    }

    @Override
    public A2cAgent createAgent(A2cConfig config, Space<?> observationSpace, Space<?> actionSpace, long totalSteps, Rng rng) {
        return new A2cAgent(config, observationSpace, actionSpace, totalSteps, rng);
    }

    @Override
    public Map<String, Network> networks(A2cAgent agent) {
        return Map.of(Ppo.POLICY, agent.network());
    }

    @Override
    public Policy loadNetworkPolicy(LoadedModels model) {
        return Ppo.loadGreedy(model, name());
    }
}
