package org.deeprl4j.nn;

import java.util.Objects;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.graph.ScaleVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.LossLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Builders of plain networks and the shared pieces every head builder uses: a configured
 * {@link GraphBuilder}, MLP and CNN bodies, and {@link #build}. Networks are float32 and
 * deterministic given the seed (same seed: same initial parameters, same outputs after the same
 * fits, on the same ND4J backend).
 */
public final class Networks {
    /** Name of the input of networks built here. */
    public static final String INPUT = "obs";
    /** Name of the output of {@link #mlp}. */
    public static final String OUTPUT = "out";
    /** Name of the dense output layer of {@link #mlp}. */
    public static final String HEAD = "head";

    private Networks() {
    }

    /**
     * An MLP {@code inDim -> body -> outDim}: a dense layer {@value #HEAD} with
     * {@code outActivation}, then a parameter-free loss layer {@value #OUTPUT}.
     *
     * @param outActivation activation of the output layer ("identity" for regression)
     * @param loss          training loss of the output
     */
    public static Network mlp(int inDim, int outDim, MlpSpec body, String outActivation, Loss loss,
                              OptimizerConfig opt, long seed) {
        return mlp(inDim, outDim, body, outActivation, loss, opt, seed, DataType.FLOAT);
    }

    static Network mlp(int inDim, int outDim, MlpSpec body, String outActivation, Loss loss,
                       OptimizerConfig opt, long seed, DataType dataType) {
        requirePositive("inDim", inDim);
        requirePositive("outDim", outDim);
        Objects.requireNonNull(loss, "loss");
        GraphBuilder g = graphBuilder(opt, body.weightInit(), seed, dataType);
        g.addInputs(INPUT).setInputTypes(InputType.feedForward(inDim));
        String h = addMlpBody(g, "", INPUT, body);
        g.addLayer(HEAD, new DenseLayer.Builder().nOut(outDim).activation(Dl4jNames.activation(outActivation)).build(), h);
        // A LossLayer, not an OutputLayer: OutputLayer multiplies its pre-activations by the label
        // mask, which is wrong for non-binary (importance-weight) masks.
        g.addLayer(OUTPUT, new LossLayer.Builder(loss.lossFunction()).activation(Activation.IDENTITY).build(), HEAD);
        g.setOutputs(OUTPUT);
        return build(g, opt);
    }

    static void requirePositive(String name, int v) {
        if (v <= 0) {
            throw new IllegalArgumentException(name + " must be positive, got " + v);
        }
    }

    /**
     * A graph builder with the optimizer's updater and L2 (weights and biases, like PyTorch's
     * weight_decay), the weight init, the seed, workspaces enabled and minibatch averaging on.
     */
    public static GraphBuilder graphBuilder(OptimizerConfig opt, String weightInit, long seed, DataType dataType) {
        Objects.requireNonNull(opt, "opt");
        NeuralNetConfiguration.Builder b = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(Objects.requireNonNull(dataType, "dataType"))
                .updater(opt.toUpdater())
                .weightInit(Dl4jNames.weightInit(weightInit))
                .trainingWorkspaceMode(WorkspaceMode.ENABLED)
                .inferenceWorkspaceMode(WorkspaceMode.ENABLED)
                .cacheMode(CacheMode.NONE)
                .miniBatch(true); // DL4J divides summed gradients by the batch size: mean loss
        if (opt.l2() > 0) {
            b.l2(opt.l2()).l2Bias(opt.l2());
        }
        return b.graphBuilder();
    }

    /**
     * Adds dense layers {@code prefix + "dense" + i} on {@code input}.
     *
     * @return the name of the last vertex (the input itself if the body has no hidden layer)
     */
    public static String addMlpBody(GraphBuilder g, String prefix, String input, MlpSpec body) {
        String last = input;
        int[] hidden = body.hidden();
        for (int i = 0; i < hidden.length; i++) {
            String name = prefix + "dense" + i;
            g.addLayer(name, new DenseLayer.Builder().nOut(hidden[i])
                    .activation(Dl4jNames.activation(body.activation())).build(), last);
            last = name;
        }
        return last;
    }

    /**
     * Sets the graph's input type to {@code obsShape = [C, H, W]} (NCHW) and adds the CNN encoder:
     * optional input scaling, convolutions {@code prefix + "conv" + i}, then dense layers
     * {@code prefix + "dense" + i}. The input must be the graph's only input.
     *
     * @return the name of the last vertex (flattened to {@code [batch, features]} by DL4J's
     *         preprocessor when the next layer is dense)
     */
    public static String addCnnBody(GraphBuilder g, String prefix, String input, int[] obsShape, CnnSpec body) {
        body.convOutputShape(obsShape); // validates shapes with a clear message
        g.setInputTypes(InputType.convolutional(obsShape[1], obsShape[2], obsShape[0], CNN2DFormat.NCHW));
        String last = input;
        if (body.inputScale() != 1.0) {
            last = prefix + "scale";
            g.addVertex(last, new ScaleVertex(body.inputScale()), input);
        }
        for (int i = 0; i < body.convs().size(); i++) {
            CnnSpec.Conv c = body.convs().get(i);
            String name = prefix + "conv" + i;
            g.addLayer(name, new ConvolutionLayer.Builder(c.kernel(), c.kernel()).stride(c.stride(), c.stride())
                    .nOut(c.filters()).activation(Dl4jNames.activation(body.activation()))
                    .convolutionMode(ConvolutionMode.Truncate).dataFormat(CNN2DFormat.NCHW).build(), last);
            last = name;
        }
        return addMlpBody(g, prefix, last, new MlpSpec(body.hidden(), body.activation(), body.weightInit()));
    }

    /** Builds, initializes (seeded) and wraps the graph. */
    public static Network build(GraphBuilder g, OptimizerConfig opt) {
        ComputationGraphConfiguration conf = g.build();
        ComputationGraph graph = new ComputationGraph(conf);
        graph.init();
        return new Network(graph, opt);
    }
}
