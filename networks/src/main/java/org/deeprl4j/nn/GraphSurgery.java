package org.deeprl4j.nn;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.graph.vertex.GraphVertex;
import org.deeplearning4j.nn.layers.FrozenLayer;
import org.deeplearning4j.nn.updater.graph.ComputationGraphUpdater;
import org.nd4j.linalg.learning.config.IUpdater;

/** The changes {@link Network} makes to a DL4J graph's configuration: deep copies and learning rates. */
final class GraphSurgery {
    private GraphSurgery() {
    }

    /**
     * A deep copy of {@code graph}: configuration, parameters, updater state, iteration and epoch
     * counts and frozen layers; listeners are not copied. Not {@code ComputationGraph.clone()}: it
     * shares the listener collection with the original (so a copy's clipper would replace the
     * original's) and resets the iteration count, which drives Adam's bias correction.
     */
    static ComputationGraph deepCopy(ComputationGraph graph) {
        ComputationGraphConfiguration conf = graph.getConfiguration().clone();
        conf.setIterationCount(graph.getConfiguration().getIterationCount());
        conf.setEpochCount(graph.getConfiguration().getEpochCount());
        ComputationGraph clone = new ComputationGraph(conf);
        clone.init(graph.params().dup(), false);
        ComputationGraphUpdater updater = graph.getUpdater(false);
        if (updater != null && updater.getStateViewArray() != null) {
            clone.getUpdater().setStateViewArray(updater.getStateViewArray().dup());
        }
        for (GraphVertex v : graph.getVertices()) {
            if (v.hasLayer() && v.getLayer() instanceof FrozenLayer) {
                clone.getVertex(v.getVertexName()).setLayerAsFrozen();
            }
        }
        return clone;
    }

    /**
     * Sets the learning rate of every trainable layer (weights and biases), keeping the updater
     * state. Every layer gets the same rate, so DL4J's updater blocks (grouped by equal updater
     * configs) stay valid and need no rebuild; {@code ComputationGraph.setLearningRate} rebuilds
     * them on every call. The block updaters read the rate from these configs.
     */
    static void setLearningRate(ComputationGraph graph, double lr) {
        for (Layer layer : graph.getLayers()) {
            if (layer.conf().getLayer() instanceof BaseLayer bl) {
                setLr(bl.getIUpdater(), lr);
                setLr(bl.getBiasUpdater(), lr);
            }
        }
    }

    private static void setLr(IUpdater updater, double lr) {
        if (updater != null && updater.hasLearningRate()) {
            updater.setLrAndSchedule(lr, null);
        }
    }
}
