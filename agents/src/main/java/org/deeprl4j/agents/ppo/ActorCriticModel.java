package org.deeprl4j.agents.ppo;

import java.util.List;
import java.util.random.RandomGenerator;
import org.deeprl4j.agents.Policy;
import org.deeprl4j.env.spaces.Box;
import org.deeprl4j.env.spaces.Discrete;
import org.deeprl4j.env.spaces.Space;
import org.deeprl4j.nn.ActorCriticSpec;
import org.deeprl4j.nn.MlpSpec;
import org.deeprl4j.nn.Network;
import org.deeprl4j.nn.OptimizerConfig;
import org.deeprl4j.nn.PolicyNetworks;
import org.deeprl4j.nn.dist.Categorical;
import org.deeprl4j.nn.dist.DiagGaussian;
import org.deeprl4j.nn.fast.FastNet;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * An on-policy actor-critic network ({@link PolicyNetworks#categoricalActorCritic} for Discrete
 * actions, {@link PolicyNetworks#gaussianActorCritic} for Box actions) with its action space: acts
 * on batches of observations (one inference pass per call) and evaluates state values. Shared by
 * PPO and A2C.
 *
 * <p>Box actions are sampled from the unbounded Gaussian and kept unclipped for the log-probs and
 * the rollout buffer; only the copy sent to the environment is clipped to the Box bounds (SB3's
 * {@code collect_rollouts}, PPO implementation detail "continuous actions via normal distributions").
 *
 * <p>Acting and values use {@link FastNet} (plain Java on the network's weights, re-read after each
 * update) when it supports the network, and DL4J otherwise; the distribution code is the same.
 */
public final class ActorCriticModel {
    private final Network net;
    private final int obsDim;
    private final int actDim;
    private final boolean discrete;
    private final double[] low;
    private final double[] high;
    private final FastNet fast; // null: DL4J's outputs()

    /** Wraps a built or loaded network whose outputs match {@code actionSpace}. */
    public ActorCriticModel(Network net, int obsDim, Space<?> actionSpace, String algorithm) {
        this.net = net;
        this.obsDim = obsDim;
        requireSupported(actionSpace, algorithm);
        this.discrete = actionSpace instanceof Discrete;
        this.actDim = discrete ? 1 : actionSpace.flatDim();
        this.low = discrete ? null : ((Box<?>) actionSpace).low();
        this.high = discrete ? null : ((Box<?>) actionSpace).high();
        int expectedOutputs = discrete ? 2 : 3;
        if (net.graph().getNumOutputArrays() != expectedOutputs) {
            throw new IllegalArgumentException("an actor-critic network for " + actionSpace + " needs " + expectedOutputs
                    + " outputs, got " + net.graph().getNumOutputArrays());
        }
        this.fast = FastNet.compile(net).filter(f -> f.numInputs() == 1 && f.inputSize(0) == obsDim).orElse(null);
    }

    /** Builds a new seeded network for the spaces. */
    public static ActorCriticModel create(Space<?> obsSpace, Space<?> actionSpace, List<Integer> netArch, String activation,
                                          String weightInit, boolean shared, double logStdInit, OptimizerConfig opt,
                                          long seed, String algorithm) {
        requireSupported(actionSpace, algorithm);
        MlpSpec body = new MlpSpec(netArch.stream().mapToInt(Integer::intValue).toArray(), activation, weightInit);
        ActorCriticSpec spec = shared ? ActorCriticSpec.shared(body) : ActorCriticSpec.separate(body, body);
        int obsDim = obsSpace.flatDim();
        Network net = actionSpace instanceof Discrete d
                ? PolicyNetworks.categoricalActorCritic(obsDim, d.n(), spec, opt, seed)
                : PolicyNetworks.gaussianActorCritic(obsDim, actionSpace.flatDim(), logStdInit, spec, opt, seed);
        return new ActorCriticModel(net, obsDim, actionSpace, algorithm);
    }

    /** Discrete(n) starting at 0 or Box, or an error naming the space and the algorithms that fit. */
    public static void requireSupported(Space<?> actionSpace, String algorithm) {
        boolean ok = (actionSpace instanceof Discrete d && d.start() == 0) || actionSpace instanceof Box<?>;
        if (!ok) {
            throw new IllegalArgumentException(algorithm + " needs a Discrete(n) (start 0) or Box action space, got "
                    + actionSpace + "; algorithms for Discrete actions: dqn, a2c, ppo, reinforce; for Box actions: a2c, ppo, reinforce, sac, td3");
        }
    }

    /**
     * Acts on {@code n} observations with one inference pass.
     *
     * @param observations {@code [n * obsDim]}
     * @param rng samples from the policy; null acts greedily (argmax / mean)
     * @param rawOut receives {@code [n * actDim]} actions as sampled (unclipped), or null
     * @param envOut receives {@code [n * actDim]} actions for the env (Box: clipped to the bounds)
     * @param valuesOut receives {@code [n]} values V(s), or null
     * @param logProbsOut receives {@code [n]} log-probabilities of the raw actions, or null
     */
    public void act(float[] observations, int n, RandomGenerator rng, float[] rawOut, float[] envOut, float[] valuesOut,
                    float[] logProbsOut) {
        checkObservations(observations, n);
        // logits, value or mean, log_std, value: [n, k] each, as FastNet's row-major buffers or DL4J's arrays
        // without values wanted, the policy outputs alone (the value is the last output): the critic is skipped
        float[][] fastOut = fast == null ? null
                : fast.leadingOutputs(observations, n, valuesOut != null ? fast.numOutputs() : discrete ? 1 : 2);
        INDArray[] out = fast != null ? null : net.outputs(observationMatrix(observations, n));
        double[] logp;
        if (discrete) {
            Categorical dist = fast != null ? Categorical.ofLogits(fastOut[0], n, fast.outputSize(0))
                    : new Categorical(out[0]);
            int[] a = rng == null ? dist.mode() : dist.sample(rng);
            logp = logProbsOut == null ? null : dist.logProb(a);
            for (int i = 0; i < n; i++) {
                envOut[i] = a[i];
                if (rawOut != null) {
                    rawOut[i] = a[i];
                }
            }
        } else {
            DiagGaussian dist = fast != null ? DiagGaussian.of(fastOut[0], fastOut[1], n, actDim)
                    : new DiagGaussian(out[0], out[1]);
            double[] a = rng == null ? dist.mode() : dist.sample(rng); // [n * actDim], unclipped
            logp = logProbsOut == null ? null : dist.logProb(a);
            for (int k = 0; k < n * actDim; k++) {
                if (rawOut != null) {
                    rawOut[k] = (float) a[k];
                }
                int j = k % actDim;
                envOut[k] = (float) Math.min(Math.max(a[k], low[j]), high[j]); // clip only what the env sees
            }
        }
        if (logProbsOut != null) {
            for (int i = 0; i < n; i++) {
                logProbsOut[i] = (float) logp[i];
            }
        }
        if (valuesOut != null) {
            copyValues(fastOut, out, valuesOut, n);
        }
    }

    /** State values {@code V(s)} of {@code n} observations {@code [n * obsDim]}, one inference pass. */
    public float[] values(float[] observations, int n) {
        checkObservations(observations, n);
        float[] v = new float[n];
        if (fast != null) {
            copyValues(fast.outputs(observations, n), null, v, n);
        } else {
            copyValues(null, net.outputs(observationMatrix(observations, n)), v, n);
        }
        return v;
    }

    /** The value column {@code [n, 1]} (the last output) of the fast or the DL4J outputs. */
    private static void copyValues(float[][] fastOut, INDArray[] out, float[] dst, int n) {
        if (fastOut != null) {
            System.arraycopy(fastOut[fastOut.length - 1], 0, dst, 0, n);
        } else {
            float[] v = out[out.length - 1].reshape(n).toFloatVector(); // [n, 1] -> [n]
            System.arraycopy(v, 0, dst, 0, n);
        }
    }

    /** The greedy policy (argmax for Discrete, the clipped mean for Box) of this network. */
    public Policy greedyPolicy() {
        return (obs, n, step, actionsOut) -> act(obs, n, null, null, actionsOut, null, null);
    }

    private void checkObservations(float[] observations, int n) {
        if (observations.length < n * obsDim) {
            throw new IllegalArgumentException("expected " + n + " * " + obsDim + " observation values, got "
                    + observations.length);
        }
    }

    private INDArray observationMatrix(float[] observations, int n) {
        float[] x = observations.length == n * obsDim ? observations : java.util.Arrays.copyOf(observations, n * obsDim);
        return Nd4j.create(x, new long[] {n, obsDim}, 'c'); // [n, obsDim]
    }

    public Network network() {
        return net;
    }

    public boolean discrete() {
        return discrete;
    }

    public int obsDim() {
        return obsDim;
    }

    /** Floats per action: 1 for Discrete, the Box's flat size otherwise. */
    public int actDim() {
        return actDim;
    }
}
