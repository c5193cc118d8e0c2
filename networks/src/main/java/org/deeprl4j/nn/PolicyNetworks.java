package org.deeprl4j.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeprl4j.nn.layers.AffineVertex;
import org.deeprl4j.nn.layers.GradientTapVertex;
import org.deeprl4j.nn.layers.LogStdLayer;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Builders of policy and critic networks for REINFORCE, A2C, PPO, SAC and TD3. Their outputs are
 * plain layers or vertices, not loss layers: they are trained with {@link Network#fitExternal} /
 * {@link Network#trainForward} + {@link Network#stepExternal} on loss gradients computed by the
 * agent (with {@link org.deeprl4j.nn.dist}), since DL4J refuses external gradients at loss layers.
 * Output order is the order listed for each builder; every output is {@code [batch, n]}.
 *
 * <p>Input {@value #OBS}: observations {@code [batch, obsDim]}; Q critics also take
 * {@value #ACT}: actions {@code [batch, actDim]}. All networks are float32 and seeded.
 */
public final class PolicyNetworks {
    /** Observation input. */
    public static final String OBS = Networks.INPUT;
    /** Action input of Q critics. */
    public static final String ACT = "act";
    /** Unnormalized log-probabilities {@code [batch, nActions]} (or concatenated per dimension). */
    public static final String LOGITS = "logits";
    /** State value {@code [batch, 1]}. */
    public static final String VALUE = "value";
    /** Gaussian mean {@code [batch, actDim]}. */
    public static final String MEAN = "mean";
    /** Gaussian log standard deviation {@code [batch, actDim]}. */
    public static final String LOG_STD = "log_std";
    /** Deterministic action {@code [batch, actDim]} within the action bounds. */
    public static final String ACTION = "action";
    /** Lower bound of the SAC actor's log-std (CleanRL's LOG_STD_MIN). */
    public static final double SAC_LOG_STD_MIN = -5;
    /** Upper bound of the SAC actor's log-std (CleanRL's LOG_STD_MAX). */
    public static final double SAC_LOG_STD_MAX = 2;

    private PolicyNetworks() {
    }

    /** Name of the k-th (0-based) output of {@link #qCritics}: "q1", "q2", ... */
    public static String qOutput(int k) {
        return "q" + (k + 1);
    }

    /** Discrete actions: outputs {@value #LOGITS} {@code [batch, nActions]}, {@value #VALUE} {@code [batch, 1]}. */
    public static Network categoricalActorCritic(int obsDim, int nActions, ActorCriticSpec spec, OptimizerConfig opt,
                                                 long seed) {
        Networks.requirePositive("nActions", nActions);
        return actorCritic(obsDim, spec, opt, seed, (g, body) -> {
            g.addLayer(LOGITS, dense(nActions, Activation.IDENTITY), body);
            return List.of(LOGITS);
        });
    }

    /**
     * MultiDiscrete actions with {@code nvec[d]} choices in dimension d: outputs {@value #LOGITS}
     * {@code [batch, sum(nvec)]} (dimension d's logits in columns {@code sum(nvec[0..d))} onward, as
     * CleanRL's {@code ppo_multidiscrete.py} splits them) and {@value #VALUE} {@code [batch, 1]}.
     */
    public static Network multiDiscreteActorCritic(int obsDim, int[] nvec, ActorCriticSpec spec, OptimizerConfig opt,
                                                   long seed) {
        if (nvec == null || nvec.length == 0 || Arrays.stream(nvec).anyMatch(n -> n <= 0)) {
            throw new IllegalArgumentException("nvec must be non-empty with positive entries, got "
                    + Arrays.toString(nvec));
        }
        int total = Arrays.stream(nvec).sum();
        return actorCritic(obsDim, spec, opt, seed, (g, body) -> {
            g.addLayer(LOGITS, dense(total, Activation.IDENTITY), body);
            return List.of(LOGITS);
        });
    }

    /**
     * Box actions, diagonal Gaussian with a state-independent log-std (CleanRL's continuous PPO):
     * outputs {@value #MEAN} {@code [batch, actDim]}, {@value #LOG_STD} {@code [batch, actDim]} (one
     * learnable vector, a {@link LogStdLayer}, starting at {@code initLogStd}) and {@value #VALUE}.
     */
    public static Network gaussianActorCritic(int obsDim, int actDim, double initLogStd, ActorCriticSpec spec,
                                              OptimizerConfig opt, long seed) {
        Networks.requirePositive("actDim", actDim);
        LogStdLayer logStd = new LogStdLayer(actDim, initLogStd); // validates initLogStd
        return actorCritic(obsDim, spec, opt, seed, (g, body) -> {
            g.addLayer(MEAN, dense(actDim, Activation.IDENTITY), body);
            g.addLayer(LOG_STD, logStd, OBS);
            return List.of(MEAN, LOG_STD);
        });
    }

    /** Adds the policy heads on the actor body; returns the output names, the first one scaled at init. */
    private interface PolicyHeads {
        List<String> add(GraphBuilder g, String actorBody);
    }

    private static Network actorCritic(int obsDim, ActorCriticSpec spec, OptimizerConfig opt, long seed,
                                       PolicyHeads heads) {
        Networks.requirePositive("obsDim", obsDim);
        Objects.requireNonNull(spec, "spec");
        GraphBuilder g = Networks.graphBuilder(opt, spec.actorBody().weightInit(), seed, DataType.FLOAT);
        g.addInputs(OBS).setInputTypes(InputType.feedForward(obsDim));
        String pi = Networks.addMlpBody(g, spec.shared() ? "" : "pi_", OBS, spec.actorBody());
        String vf = spec.shared() ? pi : Networks.addMlpBody(g, "vf_", OBS, spec.criticBody());
        List<String> outputs = new ArrayList<>(heads.add(g, pi));
        g.addLayer(VALUE, dense(1, Activation.IDENTITY), vf);
        outputs.add(VALUE);
        g.setOutputs(outputs.toArray(new String[0]));
        Network net = Networks.build(g, opt);
        scaleWeights(net, outputs.get(0), spec.policyInitScale());
        scaleWeights(net, VALUE, spec.valueInitScale());
        return net;
    }

    /**
     * SAC actor (CleanRL's {@code sac_continuous_action.py}): outputs {@value #MEAN} and
     * {@value #LOG_STD}, both {@code [batch, actDim]} and state-dependent. The log-std is squashed
     * smoothly into [{@value #SAC_LOG_STD_MIN}, {@value #SAC_LOG_STD_MAX}] as CleanRL does:
     * {@code min + (max - min) * (tanh(h) + 1) / 2} (SB3 clamps to [-20, 2] instead; the smooth form
     * keeps a gradient everywhere). The tanh squashing of actions and the action bounds belong to
     * {@link org.deeprl4j.nn.dist.SquashedGaussian}.
     */
    public static Network sacActor(int obsDim, int actDim, MlpSpec body, OptimizerConfig opt, long seed) {
        Networks.requirePositive("actDim", actDim);
        GraphBuilder g = observationGraph(obsDim, body, opt, seed);
        String h = Networks.addMlpBody(g, "", OBS, body);
        g.addLayer(MEAN, dense(actDim, Activation.IDENTITY), h);
        g.addLayer("log_std_tanh", dense(actDim, Activation.TANH), h);
        double half = (SAC_LOG_STD_MAX - SAC_LOG_STD_MIN) / 2;
        g.addVertex(LOG_STD, AffineVertex.uniform(actDim, half, SAC_LOG_STD_MIN + half), "log_std_tanh");
        g.setOutputs(MEAN, LOG_STD);
        return Networks.build(g, opt);
    }

    /**
     * Deterministic actor for TD3/DDPG (CleanRL's {@code td3_continuous_action.py}): output
     * {@value #ACTION} {@code = tanh(h) * (high - low) / 2 + (high + low) / 2}, within [low, high].
     *
     * @param low  finite lower action bounds, one per dimension
     * @param high finite upper action bounds, each above its lower bound
     */
    public static Network deterministicActor(int obsDim, double[] low, double[] high, MlpSpec body,
                                             OptimizerConfig opt, long seed) {
        if (low == null || high == null || low.length == 0 || low.length != high.length) {
            throw new IllegalArgumentException("low and high must be non-empty and of equal length, got "
                    + Arrays.toString(low) + " and " + Arrays.toString(high));
        }
        double[] scale = new double[low.length];
        double[] shift = new double[low.length];
        for (int j = 0; j < low.length; j++) {
            if (!Double.isFinite(low[j]) || !Double.isFinite(high[j]) || !(low[j] < high[j])) {
                throw new IllegalArgumentException("action bounds must be finite with low < high, got low[" + j
                        + "]=" + low[j] + ", high[" + j + "]=" + high[j]);
            }
            scale[j] = (high[j] - low[j]) / 2;
            shift[j] = (high[j] + low[j]) / 2;
        }
        GraphBuilder g = observationGraph(obsDim, body, opt, seed);
        String h = Networks.addMlpBody(g, "", OBS, body);
        g.addLayer("mu", dense(low.length, Activation.TANH), h);
        g.addVertex(ACTION, new AffineVertex(scale, shift), "mu");
        g.setOutputs(ACTION);
        return Networks.build(g, opt);
    }

    /** State-value critic: output {@value #VALUE} {@code [batch, 1]}. */
    public static Network valueCritic(int obsDim, MlpSpec body, OptimizerConfig opt, long seed) {
        GraphBuilder g = observationGraph(obsDim, body, opt, seed);
        g.addLayer(VALUE, dense(1, Activation.IDENTITY), Networks.addMlpBody(g, "", OBS, body));
        g.setOutputs(VALUE);
        return Networks.build(g, opt);
    }

    /**
     * {@code n} independent Q(s, a) critics in one network (n = 2: SAC's and TD3's twin critics,
     * trained by one optimizer as CleanRL's {@code q_optimizer}): inputs {@value #OBS} and
     * {@value #ACT}, concatenated to {@code [batch, obsDim + actDim]}, each critic its own body;
     * outputs {@code q1..qn}, each {@code [batch, 1]}. Both inputs pass a
     * {@link GradientTapVertex}, so {@link Network#inputGradients} gives {@code dL/da} for the actor
     * loss.
     */
    public static Network qCritics(int obsDim, int actDim, int n, MlpSpec body, OptimizerConfig opt, long seed) {
        Networks.requirePositive("obsDim", obsDim);
        Networks.requirePositive("actDim", actDim);
        Networks.requirePositive("n", n);
        Objects.requireNonNull(body, "body");
        GraphBuilder g = Networks.graphBuilder(opt, body.weightInit(), seed, DataType.FLOAT);
        g.addInputs(OBS, ACT).setInputTypes(InputType.feedForward(obsDim), InputType.feedForward(actDim));
        g.addVertex(OBS + "_tap", new GradientTapVertex(), OBS);
        g.addVertex(ACT + "_tap", new GradientTapVertex(), ACT);
        g.addVertex("obs_act", new MergeVertex(), OBS + "_tap", ACT + "_tap");
        String[] outputs = new String[n];
        for (int k = 0; k < n; k++) {
            outputs[k] = qOutput(k);
            String h = Networks.addMlpBody(g, outputs[k] + "_", "obs_act", body);
            g.addLayer(outputs[k], dense(1, Activation.IDENTITY), h);
        }
        g.setOutputs(outputs);
        return Networks.build(g, opt);
    }

    private static GraphBuilder observationGraph(int obsDim, MlpSpec body, OptimizerConfig opt, long seed) {
        Networks.requirePositive("obsDim", obsDim);
        Objects.requireNonNull(body, "body");
        GraphBuilder g = Networks.graphBuilder(opt, body.weightInit(), seed, DataType.FLOAT);
        g.addInputs(OBS).setInputTypes(InputType.feedForward(obsDim));
        return g;
    }

    private static DenseLayer dense(int nOut, Activation activation) {
        return new DenseLayer.Builder().nOut(nOut).activation(activation).build();
    }

    private static void scaleWeights(Network net, String layer, double scale) {
        if (scale != 1.0) {
            net.graph().getLayer(layer).getParam("W").muli(scale); // in place in the parameter view
        }
    }
}
