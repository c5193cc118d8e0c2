package org.deeprl4j.experiments.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeprl4j.agents.Agent;
import org.deeprl4j.agents.Algorithm;
import org.deeprl4j.agents.Algorithms;
import org.deeprl4j.agents.ConfigBinder;
import org.deeprl4j.agents.Policy;
import org.deeprl4j.agents.TrainingEnvs;
import org.deeprl4j.env.Env;
import org.deeprl4j.env.Rng;
import org.deeprl4j.nn.Network;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The networks the inference benchmarks time: a fresh agent for CartPole-v1 (4 observations, 2
 * actions) with 64x64 hidden layers, its greedy {@link Policy} (DQN: {@code GreedyQPolicy} over
 * {@code QNetworks.mlp}; PPO: {@code ActorCriticModel.greedyPolicy()}) and the DL4J network behind
 * it. Shared by the {@code inference} suite and the JMH {@code InferenceBenchmark}.
 */
public final class InferenceModels {
    /** Env whose spaces size the networks. */
    public static final String ENV_ID = "CartPole-v1";
    /** Hidden layers of every benchmarked network. */
    public static final List<Integer> HIDDEN = List.of(64, 64);
    /** Algorithms with a benchmarked greedy policy. */
    public static final List<String> ALGORITHMS = List.of("dqn", "ppo");

    private InferenceModels() {
    }

    /**
     * A policy and the network it runs.
     *
     * @param algo    algorithm name
     * @param policy  the agent's greedy policy
     * @param network its DL4J network (DQN: the Q-network; PPO: the actor-critic network)
     * @param obsDim  flat observation size
     */
    public record Model(String algo, Policy policy, Network network, int obsDim) {
        /**
         * The raw DL4J call behind {@link #policy}: {@code output} for a single-output network,
         * {@code outputs} otherwise (PPO: logits and value).
         */
        public Object forward(INDArray observations) {
            return network.graph().getNumOutputArrays() == 1 ? network.output(observations) : network.outputs(observations);
        }

        /** Observations for a batch of {@code n}: small Gaussian values as CartPole produces, seeded. */
        public float[] observations(int n, long seed) {
            Rng rng = new Rng(seed);
            float[] obs = new float[n * obsDim];
            for (int i = 0; i < obs.length; i++) {
                obs[i] = (float) (0.05 * rng.nextGaussian());
            }
            return obs;
        }

        /** {@code observations} as the {@code [n, obsDim]} matrix the network takes. */
        public INDArray matrix(float[] observations, int n) {
            return Nd4j.create(observations, new long[] {n, obsDim}, 'c'); // [n, obsDim]
        }
    }

    /** A new model of {@code algo} ({@code dqn} or {@code ppo}) seeded with {@code seed}. */
    public static Model create(String algo, long seed) {
        if (!ALGORITHMS.contains(algo)) {
            throw new IllegalArgumentException("no inference benchmark for algorithm '" + algo + "'; available: "
                    + String.join(", ", ALGORITHMS));
        }
        return typed(Algorithms.get(algo), seed);
    }

    private static <C extends Record, A extends Agent> Model typed(Algorithm<C, A> algo, long seed) {
        Map<String, Object> overrides = new LinkedHashMap<>();
        overrides.put("net_arch", HIDDEN);
        if (ConfigBinder.keys(algo.configType()).contains("buffer_size")) {
            overrides.put("buffer_size", 10_000); // the replay buffer is never used here: keep it small
        }
        C config = ConfigBinder.override(algo.defaultConfig(), overrides);
        try (Env<?, ?> env = TrainingEnvs.make(ENV_ID, Map.of())) {
            A agent = algo.createAgent(config, env.observationSpace(), env.actionSpace(), 100_000, new Rng(seed));
            Map<String, Network> nets = algo.networks(agent);
            // DQN saves "q" (the one acting) and "target"; PPO one actor-critic network, "policy"
            Network net = nets.containsKey("q") ? nets.get("q") : nets.values().iterator().next();
            return new Model(algo.name(), agent.greedyPolicy(), net, env.observationSpace().flatDim());
        }
    }
}
