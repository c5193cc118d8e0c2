package org.deeprl4j.nn;

import java.util.Arrays;
import java.util.Objects;

/**
 * Body of a multi-layer perceptron: fully connected hidden layers of the given sizes, each
 * followed by {@code activation}.
 *
 * <p>Activations: relu, tanh, elu, leakyrelu, sigmoid, identity. Weight inits (DL4J has no
 * orthogonal init, so it is rejected): {@code uniform} = U(-1/sqrt(fanIn), 1/sqrt(fanIn)), the
 * PyTorch default for {@code nn.Linear} weights (biases are always initialized to 0 in DL4J,
 * PyTorch draws them from the same uniform); {@code xavier} (Glorot normal),
 * {@code xavier_uniform}, {@code relu} (He normal), {@code relu_uniform} (He uniform),
 * {@code lecun_normal}, {@code lecun_uniform}. Names are case-insensitive and stored lower-case.
 *
 * @param hidden     hidden layer sizes, each positive; may be empty (a linear model)
 * @param activation hidden-layer activation name
 * @param weightInit weight initializer name, used for every layer of the network
 */
public record MlpSpec(int[] hidden, String activation, String weightInit) {

    public MlpSpec {
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
    }

    /** ReLU hidden layers with PyTorch-default ({@code uniform}) weights, as CleanRL's DQN. */
    public static MlpSpec of(int... hidden) {
        return new MlpSpec(hidden, "relu", "uniform");
    }

    /** Hidden layer sizes (a copy). */
    @Override
    public int[] hidden() {
        return hidden.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MlpSpec m && Arrays.equals(hidden, m.hidden)
                && activation.equals(m.activation) && weightInit.equals(m.weightInit);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(hidden), activation, weightInit);
    }

    @Override
    public String toString() {
        return "MlpSpec[hidden=" + Arrays.toString(hidden) + ", activation=" + activation
                + ", weightInit=" + weightInit + "]";
    }
}
