package org.deeprl4j.nn.fast;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.deeplearning4j.nn.api.Trainable;
import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.updater.UpdaterBlock;
import org.deeplearning4j.nn.updater.graph.ComputationGraphUpdater;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.AdamUpdater;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.NoOpUpdater;
import org.nd4j.linalg.learning.RmsPropUpdater;
import org.nd4j.linalg.learning.SgdUpdater;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.learning.regularization.L2Regularization;
import org.nd4j.linalg.learning.regularization.Regularization;

/**
 * DL4J's updater step in plain Java, on float arrays laid out like the graph's flat parameter
 * vector and its updater state view: for each of DL4J's updater blocks, L2
 * ({@code g += l2 * param}, DL4J's {@code L2Regularization} before the updater), then the block's
 * updater, then {@code param -= update}. The formulas are libnd4j's:
 * <ul>
 *   <li>Adam: {@code m = b1 m + (1 - b1) g}, {@code v = b2 v + (1 - b2) g^2},
 *       {@code update = lr sqrt(1 - b2^t) / (1 - b1^t) * m / (sqrt(v) + eps)}, {@code t = iteration + 1}
 *       (the bias correction folded into the step size, so eps is not bias-corrected);</li>
 *   <li>RMSProp: {@code G = decay G + (1 - decay) g^2}, {@code update = lr g / (sqrt(G) + eps)};</li>
 *   <li>SGD: {@code update = lr g}; NoOp: no change.</li>
 * </ul>
 * The state (Adam's m then v, RMSProp's G) is read from and written to the same positions as
 * DL4J's, so the DL4J network keeps the complete training state. {@code FastTrainerTest} checks
 * steps against DL4J's.
 */
final class FastUpdater {
    private enum Type { ADAM, RMSPROP, SGD, NOOP }

    /** One DL4J updater block: parameters [start, end), its state positions, L2 per parameter range. */
    private record Block(Type type, GradientUpdater<?> updater, int start, int end, int state1, int state2,
                         int[] l2From, int[] l2To, double[] l2) {
    }

    private final List<Block> blocks;
    private final float[] first;  // Adam's m or RMSProp's G, indexed like the parameters
    private final float[] second; // Adam's v, indexed like the parameters

    private FastUpdater(List<Block> blocks, int numParams) {
        this.blocks = blocks;
        this.first = new float[numParams];
        this.second = new float[numParams];
    }

    /** The updater of {@code graph}, or empty if any block uses an updater or option not reproduced here. */
    static Optional<FastUpdater> of(ComputationGraph graph) {
        ComputationGraphUpdater u = graph.getUpdater(true);
        INDArray state = u.getStateViewArray();
        List<Block> blocks = new ArrayList<>();
        for (UpdaterBlock ub : u.getUpdaterBlocks()) {
            Optional<Block> b = block(ub, state);
            if (b.isEmpty()) {
                return Optional.empty();
            }
            blocks.add(b.get());
        }
        return Optional.of(new FastUpdater(blocks, (int) graph.numParams()));
    }

    private static Optional<Block> block(UpdaterBlock ub, INDArray state) {
        GradientUpdater<?> gu = ub.getGradientUpdater();
        Type type;
        int s1 = -1;
        int s2 = -1;
        int n = ub.getParamOffsetEnd() - ub.getParamOffsetStart();
        if (gu instanceof AdamUpdater a) {
            type = Type.ADAM;
            s1 = offsetIn(a.getM(), state, n);
            s2 = offsetIn(a.getV(), state, n);
        } else if (gu instanceof RmsPropUpdater r) {
            type = Type.RMSPROP;
            s1 = offsetIn(r.getLastGradient(), state, n);
        } else if (gu instanceof SgdUpdater) {
            type = Type.SGD;
        } else if (gu instanceof NoOpUpdater) {
            type = Type.NOOP;
        } else {
            return Optional.empty();
        }
        if ((type == Type.ADAM && (s1 < 0 || s2 < 0)) || (type == Type.RMSPROP && s1 < 0)) {
            return Optional.empty();
        }
        List<UpdaterBlock.ParamState> params = ub.getLayersAndVariablesInBlock();
        int[] from = new int[params.size()];
        int[] to = new int[params.size()];
        double[] l2 = new double[params.size()];
        for (int k = 0; k < params.size(); k++) {
            UpdaterBlock.ParamState ps = params.get(k);
            Trainable layer = ps.getLayer();
            GradientNormalization gn = layer.getConfig().getGradientNormalization();
            if ((gn != null && gn != GradientNormalization.None) || !layer.updaterDivideByMinibatch(ps.getParamName())) {
                return Optional.empty();
            }
            from[k] = ps.getParamOffsetStart();
            to[k] = ps.getParamOffsetEnd();
            List<Regularization> regs = layer.getConfig().getRegularizationByParam(ps.getParamName());
            for (Regularization reg : regs == null ? List.<Regularization>of() : regs) {
                if (!(reg instanceof L2Regularization l) || reg.applyStep() != Regularization.ApplyStep.BEFORE_UPDATER) {
                    return Optional.empty(); // weight decay, L1: not reproduced
                }
                l2[k] += l.getL2().valueAt(0, 0);
            }
        }
        return Optional.of(new Block(type, gu, ub.getParamOffsetStart(), ub.getParamOffsetEnd(), s1, s2, from, to, l2));
    }

    /** Offset of the contiguous view {@code part} (n elements) inside the contiguous {@code whole}; -1 if not a plain view. */
    private static int offsetIn(INDArray part, INDArray whole, int n) {
        if (part == null || part.length() != n || whole == null || part.data().address() != whole.data().address()
                || (n > 1 && part.elementWiseStride() != 1) || whole.elementWiseStride() != 1) {
            return -1;
        }
        long off = part.offset() - whole.offset();
        return off < 0 || off + n > whole.length() ? -1 : (int) off;
    }

    /** Size of the updater state view this reads and writes. */
    static long stateLength(ComputationGraph graph) {
        INDArray s = graph.getUpdater(true).getStateViewArray();
        return s == null ? 0 : s.length();
    }

    /** Takes the moments from DL4J's updater state layout ({@code state}, the whole state view). */
    void readState(float[] state) {
        for (Block b : blocks) {
            if (b.state1 >= 0) {
                System.arraycopy(state, b.state1, first, b.start, b.end - b.start);
            }
            if (b.state2 >= 0) {
                System.arraycopy(state, b.state2, second, b.start, b.end - b.start);
            }
        }
    }

    /** Puts the moments into DL4J's updater state layout. */
    void writeState(float[] state) {
        for (Block b : blocks) {
            if (b.state1 >= 0) {
                System.arraycopy(first, b.start, state, b.state1, b.end - b.start);
            }
            if (b.state2 >= 0) {
                System.arraycopy(second, b.start, state, b.state2, b.end - b.start);
            }
        }
    }

    /**
     * One step: {@code grad} (the mean gradient, already clipped) is modified; {@code params} and
     * {@code state} are updated in place.
     *
     * @param iteration the network's iteration count before this step (Adam's t - 1)
     */
    void step(float[] params, float[] grad, int iteration, int epoch) {
        for (Block b : blocks) {
            for (int k = 0; k < b.l2.length; k++) {
                float c = (float) b.l2[k];
                if (c != 0f) {
                    for (int p = b.l2From[k]; p < b.l2To[k]; p++) {
                        grad[p] += c * params[p];
                    }
                }
            }
            switch (b.type) {
                case ADAM -> adam(b, params, grad, iteration, epoch);
                case RMSPROP -> rmsProp(b, params, grad, iteration, epoch);
                case SGD -> {
                    float lr = (float) b.updater.getConfig().getLearningRate(iteration, epoch);
                    for (int p = b.start; p < b.end; p++) {
                        params[p] -= lr * grad[p];
                    }
                }
                case NOOP -> { }
                default -> throw new AssertionError(b.type);
            }
        }
    }

    private void adam(Block b, float[] params, float[] grad, int iteration, int epoch) {
        Adam cfg = (Adam) b.updater.getConfig();
        double lr = cfg.getLearningRate(iteration, epoch);
        float beta1 = (float) cfg.getBeta1();
        float beta2 = (float) cfg.getBeta2();
        float eps = (float) cfg.getEpsilon();
        double t = iteration + 1.0;
        float stepSize = (float) (lr * Math.sqrt(1 - Math.pow(cfg.getBeta2(), t)) / (1 - Math.pow(cfg.getBeta1(), t)));
        float[] ms = first;
        float[] vs = second;
        for (int p = b.start; p < b.end; p++) {
            float g = grad[p];
            float m = beta1 * ms[p] + (1 - beta1) * g;
            float v = beta2 * vs[p] + (1 - beta2) * g * g;
            ms[p] = m;
            vs[p] = v;
            params[p] -= stepSize * m / ((float) Math.sqrt(v) + eps);
        }
    }

    private void rmsProp(Block b, float[] params, float[] grad, int iteration, int epoch) {
        RmsProp cfg = (RmsProp) b.updater.getConfig();
        float lr = (float) cfg.getLearningRate(iteration, epoch);
        float decay = (float) cfg.getRmsDecay();
        float eps = (float) cfg.getEpsilon();
        float[] gs = first;
        for (int p = b.start; p < b.end; p++) {
            float g = grad[p];
            float s = decay * gs[p] + (1 - decay) * g * g;
            gs[p] = s;
            params[p] -= lr * g / ((float) Math.sqrt(s) + eps);
        }
    }

    /** DL4J's L2 penalty {@code sum 0.5 l2 ||param||^2} that {@code fit} adds to its score. */
    double l2Score(float[] params) {
        double s = 0;
        for (Block b : blocks) {
            for (int k = 0; k < b.l2.length; k++) {
                if (b.l2[k] == 0) {
                    continue;
                }
                s += 0.5 * b.l2[k] * FastTrainer.sumOfSquares(params, b.l2From[k], b.l2To[k]);
            }
        }
        return s;
    }
}
