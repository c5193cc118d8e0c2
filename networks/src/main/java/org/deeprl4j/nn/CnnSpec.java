package org.deeprl4j.nn;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Convolutional encoder for image observations in NCHW layout ({@code [C, H, W]} per sample):
 * the input is multiplied by {@code inputScale}, then each {@link Conv} (valid padding, i.e.
 * PyTorch's {@code padding=0}) and each dense {@code hidden} layer is followed by
 * {@code activation}. The conv output is flattened in {@code [C, H, W]} order, like
 * {@code torch.nn.Flatten}.
 *
 * <p>{@link #natureDqn()} is the encoder of Mnih et al. 2015 as in CleanRL's {@code dqn_atari.py}
 * and SB3's {@code NatureCNN}. Activation and weight-init names are those of {@link MlpSpec}.
 *
 * @param convs      convolution layers, at least one
 * @param hidden     dense layer sizes after the flattening, each positive; may be empty
 * @param activation activation after every conv and dense layer
 * @param weightInit weight initializer for every layer of the network
 * @param inputScale factor applied to the raw input, e.g. 1/255 for uint8 pixels; positive
 */
public record CnnSpec(List<Conv> convs, int[] hidden, String activation, String weightInit,
                      double inputScale) {

    /**
     * One square convolution.
     *
     * @param filters output channels, positive
     * @param kernel  kernel height and width, positive
     * @param stride  stride in both directions, positive
     */
    public record Conv(int filters, int kernel, int stride) {
        public Conv {
            if (filters <= 0 || kernel <= 0 || stride <= 0) {
                throw new IllegalArgumentException("conv filters, kernel and stride must be positive, got "
                        + filters + ", " + kernel + ", " + stride);
            }
        }
    }

    public CnnSpec {
        convs = List.copyOf(Objects.requireNonNull(convs, "convs"));
        if (convs.isEmpty()) {
            throw new IllegalArgumentException("convs must not be empty");
        }
        Objects.requireNonNull(hidden, "hidden");
        hidden = hidden.clone();
        for (int h : hidden) {
            if (h <= 0) {
                throw new IllegalArgumentException("hidden layer sizes must be positive, got "
                        + Arrays.toString(hidden));
            }
        }
        Dl4jNames.activation(activation);
        Dl4jNames.weightInit(weightInit);
        activation = Dl4jNames.normalize(activation, "activation");
        weightInit = Dl4jNames.normalize(weightInit, "weightInit");
        if (!(inputScale > 0) || Double.isInfinite(inputScale)) {
            throw new IllegalArgumentException("inputScale must be positive and finite, got " + inputScale);
        }
    }

    /**
     * Nature-DQN encoder: conv 32 8x8 stride 4, conv 64 4x4 stride 2, conv 64 3x3 stride 1, dense
     * 512, ReLU everywhere, PyTorch-default ({@code uniform}) weights, input scaled by 1/255.
     */
    public static CnnSpec natureDqn() {
        return new CnnSpec(List.of(new Conv(32, 8, 4), new Conv(64, 4, 2), new Conv(64, 3, 1)),
                new int[] {512}, "relu", "uniform", 1.0 / 255.0);
    }

    /** Dense layer sizes (a copy). */
    @Override
    public int[] hidden() {
        return hidden.clone();
    }

    /**
     * Shape {@code [C, H, W]} of the last conv output for an input of shape {@code obsShape}.
     *
     * @throws IllegalArgumentException if obsShape is not [C, H, W] with positive sizes or a
     *                                  kernel is larger than its input
     */
    public int[] convOutputShape(int[] obsShape) {
        if (obsShape == null || obsShape.length != 3 || obsShape[0] <= 0 || obsShape[1] <= 0 || obsShape[2] <= 0) {
            throw new IllegalArgumentException("obsShape must be [channels, height, width] with positive sizes, got "
                    + Arrays.toString(obsShape));
        }
        int c = obsShape[0];
        int h = obsShape[1];
        int w = obsShape[2];
        for (int i = 0; i < convs.size(); i++) {
            Conv conv = convs.get(i);
            if (conv.kernel() > h || conv.kernel() > w) {
                throw new IllegalArgumentException("conv " + i + " kernel " + conv.kernel() + " is larger than its "
                        + h + "x" + w + " input (obsShape " + Arrays.toString(obsShape) + ")");
            }
            c = conv.filters();
            h = (h - conv.kernel()) / conv.stride() + 1;
            w = (w - conv.kernel()) / conv.stride() + 1;
        }
        return new int[] {c, h, w};
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CnnSpec s && convs.equals(s.convs) && Arrays.equals(hidden, s.hidden)
                && activation.equals(s.activation) && weightInit.equals(s.weightInit)
                && Double.compare(inputScale, s.inputScale) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(convs, Arrays.hashCode(hidden), activation, weightInit, inputScale);
    }

    @Override
    public String toString() {
        return "CnnSpec[convs=" + convs + ", hidden=" + Arrays.toString(hidden) + ", activation=" + activation
                + ", weightInit=" + weightInit + ", inputScale=" + inputScale + "]";
    }
}
