package org.deeprl4j.nn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Test helpers: float64 copies of networks, a quadratic test loss and central finite differences. */
final class GradientChecks {
    private static final double H = 1e-6;

    private GradientChecks() {
    }

    /** A float64 copy of {@code net} (same parameters and optimizer). */
    static Network toDouble(Network net) {
        return new Network(net.graph().convertDataType(DataType.DOUBLE), net.optimizer());
    }

    /**
     * {@code L = (1/B) sum_k sum_ij (c_kij o_kij + 0.5 d_kij o_kij^2)} over the outputs o_k, with
     * fixed random c and d > 0: a mean over the batch with a nonlinear dependence on the outputs.
     */
    static final class Quadratic {
        private final INDArray[] c;
        private final INDArray[] d;

        Quadratic(Network net, INDArray input, long seed) {
            this(net, new INDArray[] {input}, seed);
        }

        Quadratic(Network net, INDArray[] inputs, long seed) {
            INDArray[] out = net.outputs(inputs);
            c = new INDArray[out.length];
            d = new INDArray[out.length];
            Nd4j.getRandom().setSeed(seed);
            for (int k = 0; k < out.length; k++) {
                c[k] = Nd4j.rand(DataType.DOUBLE, out[k].shape()).subi(0.5).muli(2); // [batch, n_k]
                d[k] = Nd4j.rand(DataType.DOUBLE, out[k].shape()).addi(0.5); // [batch, n_k]
            }
        }

        double value(INDArray[] out) {
            double sum = 0;
            for (int k = 0; k < out.length; k++) {
                INDArray o = out[k].castTo(DataType.DOUBLE);
                sum += c[k].mul(o).addi(d[k].mul(o).muli(o).muli(0.5)).sumNumber().doubleValue();
            }
            return sum / out[0].size(0);
        }

        /** dL/d(output k), each {@code [batch, n_k]}. */
        INDArray[] gradients(INDArray[] out) {
            INDArray[] g = new INDArray[out.length];
            for (int k = 0; k < out.length; k++) {
                INDArray o = out[k].castTo(DataType.DOUBLE);
                g[k] = c[k].add(d[k].mul(o)).divi(o.size(0)).castTo(out[k].dataType());
            }
            return g;
        }
    }

    /** dL/dparams by central differences, in the order of {@code net.params()}. */
    static double[] numericParamGradient(Network net, INDArray[] inputs, Quadratic loss) {
        INDArray p = net.params(); // live [1, numParams] view
        double[] g = new double[(int) p.length()];
        for (int i = 0; i < g.length; i++) {
            double v = p.getDouble(i);
            p.putScalar(i, v + H);
            double plus = loss.value(net.outputs(inputs));
            p.putScalar(i, v - H);
            double minus = loss.value(net.outputs(inputs));
            p.putScalar(i, v);
            g[i] = (plus - minus) / (2 * H);
        }
        return g;
    }

    /** dL/d(input k) by central differences, row-major. */
    static double[] numericInputGradient(Network net, INDArray[] inputs, int k, Quadratic loss) {
        INDArray[] in = inputs.clone();
        in[k] = inputs[k].dup('c');
        INDArray flat = in[k].reshape(in[k].length()); // [batch * dim] view of the copy
        double[] g = new double[(int) flat.length()];
        for (int i = 0; i < g.length; i++) {
            double v = flat.getDouble(i);
            flat.putScalar(i, v + H);
            double plus = loss.value(net.outputs(in));
            flat.putScalar(i, v - H);
            double minus = loss.value(net.outputs(in));
            flat.putScalar(i, v);
            g[i] = (plus - minus) / (2 * H);
        }
        return g;
    }
}
