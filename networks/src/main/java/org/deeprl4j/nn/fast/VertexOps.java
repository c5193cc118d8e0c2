package org.deeprl4j.nn.fast;

import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;

/**
 * The parameter-free ops and the log-std vector, each computing what its DL4J vertex computes in
 * inference, in float with DL4J's order of operations.
 */
final class VertexOps {
    private VertexOps() {
    }

    /** {@code y = act(x)}: DL4J's {@code LossLayer} and {@code ActivationLayer} in inference; identity copies. */
    static final class Activation extends Op {
        private final Act act;

        Activation(int out, int in, int width, Act act) {
            super(out, new int[] {in}, width);
            this.act = act;
        }

        @Override
        void forward(float[][] slots, int n) {
            System.arraycopy(slots[in[0]], 0, slots[out], 0, n * width);
            act.apply(slots[out], 0, n * width);
        }

        @Override
        void backward(float[][] slots, float[][] grads, int n, float[] paramGrad) {
            act.backward(slots[out], grads[out], 0, n * width);
            addInto(grads[in[0]], grads[out], n * width);
        }

        @Override
        boolean hasBackward() {
            return act.invertible();
        }
    }

    /** {@code LogStdLayer}: every row is the parameter vector b, whatever the input. */
    static final class LogStd extends Op {
        private final ParamLayout layout;
        private final float[] b;

        LogStd(int out, int in, ParamLayout layout) {
            super(out, new int[] {in}, layout.rows() * layout.cols());
            this.layout = layout;
            this.b = new float[width];
        }

        @Override
        void load(float[] flat) {
            for (int j = 0; j < b.length; j++) {
                b[j] = layout.get(flat, 0, j);
            }
        }

        @Override
        void forward(float[][] slots, int n) {
            for (int r = 0; r < n; r++) {
                System.arraycopy(b, 0, slots[out], r * width, width);
            }
        }

        /** {@code dL/db = sum over rows}; the input gets no gradient (the output does not depend on it). */
        @Override
        void backward(float[][] slots, float[][] grads, int n, float[] paramGrad) {
            float[] g = grads[out];
            for (int j = 0; j < width; j++) {
                float s = 0f;
                for (int r = 0; r < n; r++) {
                    s += g[r * width + j];
                }
                paramGrad[layout.start() + j * layout.colStride()] = s;
            }
        }
    }

    /** {@code AffineVertex}: {@code y[:, j] = x[:, j] * scale[j] + shift[j]}, float factors as DL4J casts them. */
    static final class Affine extends Op {
        private final float[] scale;
        private final float[] shift;

        Affine(int out, int in, double[] scale, double[] shift) {
            super(out, new int[] {in}, scale.length);
            this.scale = new float[scale.length];
            this.shift = new float[shift.length];
            for (int j = 0; j < scale.length; j++) {
                this.scale[j] = (float) scale[j];
                this.shift[j] = (float) shift[j];
            }
        }

        @Override
        void forward(float[][] slots, int n) {
            float[] x = slots[in[0]];
            float[] y = slots[out];
            for (int r = 0; r < n; r++) {
                for (int j = 0, k = r * width; j < width; j++, k++) {
                    y[k] = x[k] * scale[j] + shift[j];
                }
            }
        }

        @Override
        void backward(float[][] slots, float[][] grads, int n, float[] paramGrad) {
            float[] dx = grads[in[0]];
            if (dx == null) {
                return;
            }
            float[] dy = grads[out];
            for (int r = 0; r < n; r++) {
                for (int j = 0, k = r * width; j < width; j++, k++) {
                    dx[k] += dy[k] * scale[j];
                }
            }
        }
    }

    /** {@code DuelingVertex}: inputs V {@code [n, 1]} and A {@code [n, width]}; {@code Q = A + (V - mean(A))}. */
    static final class Dueling extends Op {
        Dueling(int out, int value, int advantage, int width) {
            super(out, new int[] {value, advantage}, width);
        }

        @Override
        void forward(float[][] slots, int n) {
            float[] v = slots[in[0]];
            float[] a = slots[in[1]];
            float[] q = slots[out];
            for (int r = 0; r < n; r++) {
                int o = r * width;
                double sum = 0;
                for (int j = 0; j < width; j++) {
                    sum += a[o + j];
                }
                float shift = v[r] - (float) (sum / width); // [1]: V - mean(A), as DuelingVertexImpl
                for (int j = 0; j < width; j++) {
                    q[o + j] = a[o + j] + shift;
                }
            }
        }

        /** {@code dV = sum_j dQ_j}; {@code dA_j = dQ_j - mean_k dQ_k}. */
        @Override
        void backward(float[][] slots, float[][] grads, int n, float[] paramGrad) {
            float[] dq = grads[out];
            float[] dv = grads[in[0]];
            float[] da = grads[in[1]];
            for (int r = 0; r < n; r++) {
                int o = r * width;
                float sum = 0f;
                for (int j = 0; j < width; j++) {
                    sum += dq[o + j];
                }
                if (dv != null) {
                    dv[r] += sum;
                }
                if (da != null) {
                    float mean = sum / width;
                    for (int j = 0; j < width; j++) {
                        da[o + j] += dq[o + j] - mean;
                    }
                }
            }
        }
    }

    /** {@code MergeVertex} on feed-forward inputs: the inputs' columns side by side, in input order. */
    static final class Merge extends Op {
        private final int[] widths;

        Merge(int out, int[] in, int[] widths) {
            super(out, in, sum(widths));
            this.widths = widths.clone();
        }

        private static int sum(int[] widths) {
            int s = 0;
            for (int w : widths) {
                s += w;
            }
            return s;
        }

        @Override
        void forward(float[][] slots, int n) {
            for (int r = 0; r < n; r++) {
                int col = 0;
                for (int k = 0; k < in.length; k++) {
                    System.arraycopy(slots[in[k]], r * widths[k], slots[out], r * width + col, widths[k]);
                    col += widths[k];
                }
            }
        }

        @Override
        void backward(float[][] slots, float[][] grads, int n, float[] paramGrad) {
            float[] dy = grads[out];
            for (int r = 0; r < n; r++) {
                int col = 0;
                for (int k = 0; k < in.length; k++) {
                    float[] dx = grads[in[k]];
                    if (dx != null) {
                        for (int j = 0, o = r * widths[k], p = r * width + col; j < widths[k]; j++) {
                            dx[o + j] += dy[p + j];
                        }
                    }
                    col += widths[k];
                }
            }
        }
    }

    /** {@code ElementWiseVertex} on equally wide inputs, folded left to right in input order as DL4J does. */
    static final class ElementWise extends Op {
        private final ElementWiseVertex.Op op;

        ElementWise(int out, int[] in, int width, ElementWiseVertex.Op op) {
            super(out, in, width);
            this.op = op;
        }

        @Override
        void forward(float[][] slots, int n) {
            float[] y = slots[out];
            int len = n * width;
            System.arraycopy(slots[in[0]], 0, y, 0, len);
            for (int k = 1; k < in.length; k++) {
                float[] x = slots[in[k]];
                switch (op) {
                    case Add, Average -> {
                        for (int e = 0; e < len; e++) {
                            y[e] += x[e];
                        }
                    }
                    case Subtract -> {
                        for (int e = 0; e < len; e++) {
                            y[e] -= x[e];
                        }
                    }
                    case Product -> {
                        for (int e = 0; e < len; e++) {
                            y[e] *= x[e];
                        }
                    }
                    case Max -> {
                        for (int e = 0; e < len; e++) {
                            y[e] = Math.max(y[e], x[e]);
                        }
                    }
                    default -> throw new AssertionError(op);
                }
            }
            if (op == ElementWiseVertex.Op.Average) {
                float count = in.length;
                for (int e = 0; e < len; e++) {
                    y[e] /= count;
                }
            }
        }

        /** Sum and difference route the gradient (negated for the subtrahend); product multiplies by the other factors. */
        @Override
        void backward(float[][] slots, float[][] grads, int n, float[] paramGrad) {
            float[] dy = grads[out];
            int len = n * width;
            float scale = op == ElementWiseVertex.Op.Average ? 1f / in.length : 1f;
            for (int k = 0; k < in.length; k++) {
                float[] dx = grads[in[k]];
                if (dx == null) {
                    continue;
                }
                float sign = op == ElementWiseVertex.Op.Subtract && k > 0 ? -1f : 1f;
                for (int e = 0; e < len; e++) {
                    float g = dy[e] * scale * sign;
                    if (op == ElementWiseVertex.Op.Product) {
                        for (int m = 0; m < in.length; m++) {
                            g = m == k ? g : g * slots[in[m]][e];
                        }
                    }
                    dx[e] += g;
                }
            }
        }

        @Override
        boolean hasBackward() {
            return op != ElementWiseVertex.Op.Max;
        }
    }

    /** {@code ScaleVertex} ({@code y = x * factor}) or {@code ShiftVertex} ({@code y = x + factor}). */
    static final class ScaleShift extends Op {
        private final boolean scale;
        private final float factor;

        ScaleShift(int out, int in, int width, boolean scale, double factor) {
            super(out, new int[] {in}, width);
            this.scale = scale;
            this.factor = (float) factor;
        }

        @Override
        void forward(float[][] slots, int n) {
            float[] x = slots[in[0]];
            float[] y = slots[out];
            for (int e = 0; e < n * width; e++) {
                y[e] = scale ? x[e] * factor : x[e] + factor;
            }
        }

        @Override
        void backward(float[][] slots, float[][] grads, int n, float[] paramGrad) {
            float[] dx = grads[in[0]];
            if (dx == null) {
                return;
            }
            float[] dy = grads[out];
            for (int e = 0; e < n * width; e++) {
                dx[e] += scale ? dy[e] * factor : dy[e];
            }
        }
    }
}
