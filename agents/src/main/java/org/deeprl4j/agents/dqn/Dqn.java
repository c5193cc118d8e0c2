package org.deeprl4j.agents.dqn;

import java.util.LinkedHashMap;
import java.util.Map;
import org.deeprl4j.agents.Algorithm;
import org.deeprl4j.agents.Policy;
import org.deeprl4j.env.Rng;
import org.deeprl4j.env.spaces.Space;
import org.deeprl4j.nn.LoadedModels;
import org.deeprl4j.nn.Network;

/** DQN as the experiment runner sees it; a saved model holds the networks "q" and "target". */
public final class Dqn implements Algorithm<DqnConfig, DqnAgent> {
    @Override
    public String name() {
        return "dqn";
    }

    @Override
    public Class<DqnConfig> configType() {
        return DqnConfig.class;
    }

    @Override
    public DqnConfig defaultConfig() {
        return DqnConfig.defaults();
    }

    @Override
    public int numEnvs(DqnConfig config) {
        return config.numEnvs();
    }

    @Override
    public DqnAgent createAgent(DqnConfig config, Space<?> observationSpace, Space<?> actionSpace, long totalSteps, Rng rng) {
        return new DqnAgent(config, observationSpace, actionSpace, totalSteps, rng);
    }

    @Override
    public Map<String, Network> networks(DqnAgent agent) {
        Map<String, Network> m = new LinkedHashMap<>();
        m.put("q", agent.qNetwork());
        m.put("target", agent.targetNetwork());
        return m;
    }

    @Override
    public Policy loadNetworkPolicy(LoadedModels model) {
        Network q = model.network("q");
        return new GreedyQPolicy(q, Algorithm.obsDim(model));
    }
}
