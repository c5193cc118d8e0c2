package org.deeprl4j.nn.fast;

import java.util.Optional;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationELU;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.activations.impl.ActivationTanH;

/**
 * An element-wise activation applied in place to a float range, matching DL4J's
 * {@link IActivation} of the same kind to float rounding. Sigmoid and ELU are evaluated in double
 * precision from {@link Math#exp} and rounded once to float. Tanh, the usual policy activation, uses
 * Eigen's odd rational minimax approximation (degrees 13/6, the one XLA and ONNX Runtime use for
 * float32), whose loops C2 vectorizes: ~0.5 ns per element instead of ~7 ns for an exp-based tanh,
 * within 7 ulp (relative error below 4e-7) of the exact value everywhere, and odd.
 */
final class Act {
    /** Supported kinds. */
    enum Kind { IDENTITY, RELU, LEAKY_RELU, ELU, TANH, SIGMOID }

    /** Inputs are clamped to +-this, where the rational approximation reaches +-1 in float. */
    private static final float TANH_CLAMP = 7.90531110763549805f;

    private final Kind kind;
    private final float alpha; // negative slope (leaky ReLU) or scale (ELU)

    private Act(Kind kind, double alpha) {
        this.kind = kind;
        this.alpha = (float) alpha;
    }

    static final Act IDENTITY = new Act(Kind.IDENTITY, 0);

    /** The activation matching DL4J's, or empty when it is not supported. */
    static Optional<Act> of(IActivation a) {
        if (a == null) {
            return Optional.empty();
        }
        Class<?> c = a.getClass();
        if (c == ActivationIdentity.class) {
            return Optional.of(IDENTITY);
        }
        if (c == ActivationReLU.class) {
            ActivationReLU r = (ActivationReLU) a;
            boolean plain = r.getMax() == null
                    && (r.getThreshold() == null || r.getThreshold() == 0)
                    && (r.getNegativeSlope() == null || r.getNegativeSlope() == 0);
            return plain ? Optional.of(new Act(Kind.RELU, 0)) : Optional.empty();
        }
        if (c == ActivationLReLU.class) {
            return Optional.of(new Act(Kind.LEAKY_RELU, ((ActivationLReLU) a).getAlpha()));
        }
        if (c == ActivationELU.class) {
            return Optional.of(new Act(Kind.ELU, ((ActivationELU) a).getAlpha()));
        }
        if (c == ActivationTanH.class) {
            return Optional.of(new Act(Kind.TANH, 0));
        }
        if (c == ActivationSigmoid.class) {
            return Optional.of(new Act(Kind.SIGMOID, 0));
        }
        return Optional.empty();
    }

    Kind kind() {
        return kind;
    }

    /** Applies the activation to {@code a[from, to)} in place. */
    void apply(float[] a, int from, int to) {
        switch (kind) {
            case IDENTITY -> { }
            case RELU -> {
                for (int k = from; k < to; k++) {
                    a[k] = Math.max(a[k], 0f);
                }
            }
            case LEAKY_RELU -> {
                for (int k = from; k < to; k++) {
                    a[k] = a[k] < 0 ? alpha * a[k] : a[k];
                }
            }
            case ELU -> {
                for (int k = from; k < to; k++) {
                    a[k] = a[k] < 0 ? (float) (alpha * (Math.exp(a[k]) - 1)) : a[k];
                }
            }
            case TANH -> tanh(a, from, to);
            case SIGMOID -> {
                for (int k = from; k < to; k++) {
                    a[k] = (float) (1 / (1 + Math.exp(-(double) a[k])));
                }
            }
            default -> throw new AssertionError(kind);
        }
    }

    /**
     * Back-propagation through the activation: {@code dy[k] *= act'(z_k)} for {@code k in [from, to)},
     * with the derivative written in terms of the output {@code y = act(z)} (which the forward pass
     * keeps): tanh {@code 1 - y^2}, sigmoid {@code y (1 - y)}, ReLU {@code y > 0}, leaky ReLU and
     * ELU {@code y < 0 ? alpha (ELU: y + alpha) : 1} (DL4J's derivatives, whose value at 0 is that
     * of the positive side for ReLU's 0 and the negative side never reached for y = 0).
     */
    void backward(float[] y, float[] dy, int from, int to) {
        switch (kind) {
            case IDENTITY -> { }
            case RELU -> {
                // y > 0 ? dy : 0 as arithmetic, which C2 vectorizes (it leaves the select scalar: 5x
                // slower here): y * 2^149 is at least 1 for every positive float, down to the least
                // subnormal, and 0 for y = 0
                for (int k = from; k < to; k++) {
                    dy[k] = dy[k] * Math.min(y[k] * 0x1p126f * 0x1p23f, 1f);
                }
            }
            case LEAKY_RELU -> {
                for (int k = from; k < to; k++) {
                    dy[k] = y[k] < 0 ? alpha * dy[k] : dy[k];
                }
            }
            case ELU -> {
                for (int k = from; k < to; k++) {
                    dy[k] = y[k] < 0 ? (y[k] + alpha) * dy[k] : dy[k];
                }
            }
            case TANH -> {
                for (int k = from; k < to; k++) {
                    dy[k] = dy[k] * (1f - y[k] * y[k]);
                }
            }
            case SIGMOID -> {
                for (int k = from; k < to; k++) {
                    dy[k] = dy[k] * (y[k] * (1f - y[k]));
                }
            }
            default -> throw new AssertionError(kind);
        }
    }

    /** Whether {@link #backward} can recover the derivative from the output (slopes must keep the sign). */
    boolean invertible() {
        return (kind != Kind.LEAKY_RELU && kind != Kind.ELU) || alpha > 0;
    }

    /**
     * tanh of {@code a[from, to)} in place: clamp, then {@code x p(x^2) / q(x^2)}. Two separate
     * loops so that each vectorizes; NaN stays NaN.
     */
    static void tanh(float[] a, int from, int to) {
        for (int k = from; k < to; k++) {
            a[k] = Math.max(-TANH_CLAMP, Math.min(TANH_CLAMP, a[k]));
        }
        for (int k = from; k < to; k++) {
            float x = a[k];
            float x2 = x * x;
            float p = -2.76076847742355e-16f;
            p = p * x2 + 2.00018790482477e-13f;
            p = p * x2 - 8.60467152213735e-11f;
            p = p * x2 + 5.12229709037114e-08f;
            p = p * x2 + 1.48572235717979e-05f;
            p = p * x2 + 6.37261928875436e-04f;
            p = p * x2 + 4.89352455891786e-03f;
            float q = 1.19825839466702e-06f;
            q = q * x2 + 1.18534705686654e-04f;
            q = q * x2 + 2.26843463243900e-03f;
            q = q * x2 + 4.89352518554385e-03f;
            a[k] = x * p / q;
        }
    }

    @Override
    public String toString() {
        return kind == Kind.LEAKY_RELU || kind == Kind.ELU ? kind + "(" + alpha + ")" : kind.toString();
    }
}
