package org.deeprl4j.nn;

import java.util.Objects;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.LossLayer;
import org.deeprl4j.nn.layers.DuelingVertex;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Q-network builders for the DQN family: observation {@code ->} body {@code ->} Q-values
 * {@code [batch, nActions]} (output {@value #OUTPUT}).
 *
 * <p>Training: put the TD target in the taken action's column of the labels and use a label mask
 * that is 1 (or the importance weight of prioritized replay) there and 0 elsewhere
 * ({@link #tdTargets}); the loss is then the batch mean of the chosen-action loss, as CleanRL
 * ({@link Loss#MSE}) and SB3 ({@link Loss#HUBER}) compute it.
 *
 * <p>Plain head: a linear layer to nActions ({@value #HEAD}). Both heads end in a parameter-free
 * {@code LossLayer}: DL4J's {@code OutputLayer} multiplies its pre-activations by the label mask,
 * which would scale the predictions by importance weights. Dueling head (Wang et al. 2016,
 * <a href="https://arxiv.org/abs/1511.06581">arXiv:1511.06581</a>): linear value (1) and
 * advantage (nActions) streams on the shared body, combined as {@code Q = V + A - mean_a(A)} by
 * {@link DuelingVertex}. The paper gives each stream its own hidden layer; here the streams share
 * the body's last hidden layer.
 */
public final class QNetworks {
    /** Name of the Q-value output. */
    public static final String OUTPUT = "q";
    /** Name of the linear layer of the plain (non-dueling) head. */
    public static final String HEAD = "head";

    private QNetworks() {
    }

    /**
     * Labels and label mask of a TD update for {@link Network#fit(float[], int, float[], float[])}
     * (row-major arrays) or {@link Network#fit(INDArray, INDArray, INDArray)} ({@link #labels()},
     * {@link #mask()}).
     *
     * @param labelData {@code [batch, nActions]}: the TD target in the taken action's column, 0 elsewhere
     * @param maskData  {@code [batch, nActions]}: the sample weight (1, or the importance weight of
     *                  prioritized replay) in the taken action's column, 0 elsewhere
     */
    public record TdTargets(float[] labelData, float[] maskData, int batch, int nActions) {
        /** The labels as a new {@code [batch, nActions]} INDArray. */
        public INDArray labels() {
            return Nd4j.create(labelData, new long[] {batch, nActions}, 'c');
        }

        /** The mask as a new {@code [batch, nActions]} INDArray. */
        public INDArray mask() {
            return Nd4j.create(maskData, new long[] {batch, nActions}, 'c');
        }
    }

    /**
     * Builds {@link TdTargets}.
     *
     * @param actions  taken actions, each in [0, nActions)
     * @param targets  TD targets, same length as actions
     * @param weights  per-sample weights, same length, or null for all 1
     * @param nActions number of actions
     */
    public static TdTargets tdTargets(int[] actions, float[] targets, float[] weights, int nActions) {
        Networks.requirePositive("nActions", nActions);
        int batch = actions.length;
        if (targets.length != batch || (weights != null && weights.length != batch)) {
            throw new IllegalArgumentException("actions (" + batch + "), targets (" + targets.length
                    + ") and weights (" + (weights == null ? "null" : weights.length) + ") must have equal lengths");
        }
        float[] labels = new float[batch * nActions];
        float[] mask = new float[batch * nActions];
        for (int i = 0; i < batch; i++) {
            int a = actions[i];
            if (a < 0 || a >= nActions) {
                throw new IllegalArgumentException("action " + a + " at index " + i + " is outside [0, " + nActions + ")");
            }
            labels[i * nActions + a] = targets[i];
            mask[i * nActions + a] = weights == null ? 1f : weights[i];
        }
        return new TdTargets(labels, mask, batch, nActions); // [batch, nActions] each
    }

    /** A Q-network on flat observations {@code [batch, obsDim]}. */
    public static Network mlp(int obsDim, int nActions, MlpSpec body, boolean dueling, Loss loss,
                              OptimizerConfig opt, long seed) {
        return mlp(obsDim, nActions, body, dueling, loss, opt, seed, DataType.FLOAT);
    }

    static Network mlp(int obsDim, int nActions, MlpSpec body, boolean dueling, Loss loss,
                       OptimizerConfig opt, long seed, DataType dataType) {
        Networks.requirePositive("obsDim", obsDim);
        Networks.requirePositive("nActions", nActions);
        Objects.requireNonNull(body, "body");
        GraphBuilder g = Networks.graphBuilder(opt, body.weightInit(), seed, dataType);
        g.addInputs(Networks.INPUT).setInputTypes(InputType.feedForward(obsDim));
        String h = Networks.addMlpBody(g, "", Networks.INPUT, body);
        addQHead(g, h, nActions, dueling, loss);
        return Networks.build(g, opt);
    }

    /** A Q-network on images {@code [batch, C, H, W]}, with {@code obsShape = [C, H, W]}. */
    public static Network cnn(int[] obsShape, int nActions, CnnSpec body, boolean dueling, Loss loss,
                              OptimizerConfig opt, long seed) {
        Networks.requirePositive("nActions", nActions);
        Objects.requireNonNull(body, "body");
        GraphBuilder g = Networks.graphBuilder(opt, body.weightInit(), seed, DataType.FLOAT);
        g.addInputs(Networks.INPUT);
        String h = Networks.addCnnBody(g, "", Networks.INPUT, obsShape, body);
        addQHead(g, h, nActions, dueling, loss);
        return Networks.build(g, opt);
    }

    /** Adds the Q head on vertex {@code body} and sets it as the graph's output. */
    public static void addQHead(GraphBuilder g, String body, int nActions, boolean dueling, Loss loss) {
        Objects.requireNonNull(loss, "loss");
        if (!dueling) {
            g.addLayer(HEAD, new DenseLayer.Builder().nOut(nActions).activation(Activation.IDENTITY).build(), body);
            g.addLayer(OUTPUT, new LossLayer.Builder(loss.lossFunction()).activation(Activation.IDENTITY).build(), HEAD);
        } else {
            g.addLayer("value", new DenseLayer.Builder().nOut(1).activation(Activation.IDENTITY).build(), body);
            g.addLayer("advantage", new DenseLayer.Builder().nOut(nActions).activation(Activation.IDENTITY).build(),
                    body);
            g.addVertex("dueling", new DuelingVertex(), "value", "advantage");
            g.addLayer(OUTPUT, new LossLayer.Builder(loss.lossFunction()).activation(Activation.IDENTITY).build(),
                    "dueling");
        }
        g.setOutputs(OUTPUT);
    }
}
