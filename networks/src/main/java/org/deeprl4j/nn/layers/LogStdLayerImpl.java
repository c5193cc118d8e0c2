package org.deeprl4j.nn.layers;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.BaseLayer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Runtime layer of {@link LogStdLayer}: forward {@code out[i, :] = b} for every example i;
 * backward, for {@code eps = dL/dout [batch, nOut]}: {@code dL/db = sum_i eps[i, :]} (DL4J's
 * convention: summed over the batch, divided by the batch size in the updater) and a zero
 * gradient for the input.
 */
public final class LogStdLayerImpl extends BaseLayer<LogStdLayer> {
    private static final long serialVersionUID = 1L;

    public LogStdLayerImpl(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    @Override
    public Type type() {
        return Type.FEED_FORWARD;
    }

    @Override
    public boolean isPretrainLayer() {
        return false;
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(false);
        INDArray b = getParam(LogStdLayer.PARAM); // [1, nOut]
        // [batch, nOut] zeros
        INDArray out = workspaceMgr.create(ArrayType.ACTIVATIONS, dataType, input.size(0), b.size(1));
        return out.addiRowVector(b);
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(true);
        INDArray gradView = gradientViews.get(LogStdLayer.PARAM); // [1, nOut]
        gradView.assign(epsilon.sum(true, 0)); // [1, nOut]: sum over the batch
        Gradient g = new DefaultGradient();
        g.setGradientFor(LogStdLayer.PARAM, gradView);
        INDArray epsNext = workspaceMgr.create(ArrayType.ACTIVATION_GRAD, input.dataType(), input.shape()); // zeros
        return new Pair<>(g, epsNext);
    }

    @Override
    public INDArray preOutput(boolean training, LayerWorkspaceMgr workspaceMgr) {
        return activate(training, workspaceMgr);
    }
}
