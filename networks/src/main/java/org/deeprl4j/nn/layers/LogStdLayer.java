package org.deeprl4j.nn.layers;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.memory.LayerMemoryReport;
import org.deeplearning4j.nn.conf.memory.MemoryReport;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A state-independent log standard deviation: one learnable vector {@code b [1, nOut]} (parameter
 * {@value #PARAM}), output broadcast to {@code [batch, nOut]} whatever the input values; the input
 * only gives the batch size. This is the {@code log_std} parameter of CleanRL's continuous PPO
 * ({@code actor_logstd = nn.Parameter(torch.zeros(1, act_dim))}) and of SB3's {@code DiagGaussianDistribution}.
 *
 * <p>Initialized to {@link #getBiasInit()} (the initial log-std). The parameter counts as a bias
 * for DL4J's regularization and updater settings (l2Bias, biasUpdater). No gradient flows to the
 * input. Configuration class of {@link LogStdLayerImpl}; DL4J's JSON configuration records its class
 * name, so saved models restore it without registration.
 */
public final class LogStdLayer extends FeedForwardLayer {
    private static final long serialVersionUID = 1L;
    /** Name of the parameter vector. */
    public static final String PARAM = "b";

    /** For JSON deserialization. */
    public LogStdLayer() {
        setActivationFn(Activation.IDENTITY.getActivationFunction());
    }

    /**
     * @param nOut       action dimension
     * @param initLogStd initial log-std of every dimension (0 gives std 1, as CleanRL and SB3)
     */
    public LogStdLayer(int nOut, double initLogStd) {
        this();
        if (nOut <= 0) {
            throw new IllegalArgumentException("nOut must be positive, got " + nOut);
        }
        if (!Double.isFinite(initLogStd)) {
            throw new IllegalArgumentException("initLogStd must be finite, got " + initLogStd);
        }
        setNOut(nOut);
        setBiasInit(initLogStd);
    }

    @Override
    public org.deeplearning4j.nn.api.Layer instantiate(NeuralNetConfiguration conf,
            Collection<TrainingListener> listeners, int layerIndex, INDArray paramsView, boolean initializeParams,
            DataType networkDataType) {
        LogStdLayerImpl layer = new LogStdLayerImpl(conf, networkDataType);
        layer.setListeners(listeners);
        layer.setIndex(layerIndex);
        layer.setParamsViewArray(paramsView);
        layer.setParamTable(initializer().init(conf, paramsView, initializeParams));
        layer.setConf(conf);
        return layer;
    }

    @Override
    public ParamInitializer initializer() {
        return Initializer.INSTANCE;
    }

    @Override
    public LayerMemoryReport getMemoryReport(InputType inputType) {
        InputType out = getOutputType(-1, inputType);
        long n = initializer().numParams(this);
        return new LayerMemoryReport.Builder(layerName, LogStdLayer.class, inputType, out)
                .standardMemory(n, getIUpdater() == null ? 0 : getIUpdater().stateSize(n))
                .workingMemory(0, 0, 0, out.arrayElementsPerExample())
                .cacheMemory(MemoryReport.CACHE_MODE_ALL_ZEROS, MemoryReport.CACHE_MODE_ALL_ZEROS).build();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LogStdLayer && super.equals(o);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }

    @Override
    public String toString() {
        return "LogStdLayer(nOut=" + getNOut() + ", initLogStd=" + getBiasInit() + ")";
    }

    /** One bias-like parameter vector {@code [1, nOut]}, initialized to the layer's bias init. */
    private static final class Initializer implements ParamInitializer {
        static final Initializer INSTANCE = new Initializer();

        @Override
        public long numParams(NeuralNetConfiguration conf) {
            return numParams(conf.getLayer());
        }

        @Override
        public long numParams(Layer layer) {
            return ((LogStdLayer) layer).getNOut();
        }

        @Override
        public List<String> paramKeys(Layer layer) {
            return List.of(PARAM);
        }

        @Override
        public List<String> weightKeys(Layer layer) {
            return List.of();
        }

        @Override
        public List<String> biasKeys(Layer layer) {
            return List.of(PARAM);
        }

        @Override
        public boolean isWeightParam(Layer layer, String key) {
            return false;
        }

        @Override
        public boolean isBiasParam(Layer layer, String key) {
            return PARAM.equals(key);
        }

        @Override
        public Map<String, INDArray> init(NeuralNetConfiguration conf, INDArray paramsView, boolean initialize) {
            LogStdLayer layer = (LogStdLayer) conf.getLayer();
            INDArray b = view(layer, paramsView);
            if (initialize) {
                b.assign(layer.getBiasInit());
            }
            conf.addVariable(PARAM);
            Map<String, INDArray> params = Collections.synchronizedMap(new LinkedHashMap<>());
            params.put(PARAM, b);
            return params;
        }

        @Override
        public Map<String, INDArray> getGradientsFromFlattened(NeuralNetConfiguration conf, INDArray gradientView) {
            Map<String, INDArray> grads = new LinkedHashMap<>();
            grads.put(PARAM, view((LogStdLayer) conf.getLayer(), gradientView));
            return grads;
        }

        private static INDArray view(LogStdLayer layer, INDArray flat) {
            if (flat.length() != layer.getNOut()) {
                throw new IllegalStateException("LogStdLayer expects " + layer.getNOut() + " parameters, got "
                        + flat.length());
            }
            return flat.reshape('c', 1, layer.getNOut()); // [1, nOut] view of the flat parameters
        }
    }
}
