package org.deeprl4j.nn;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;

/** Maps the lower-case activation and weight-init names used in specs to DL4J enums. */
final class Dl4jNames {
    private static final Map<String, Activation> ACTIVATIONS = new LinkedHashMap<>();
    private static final Map<String, WeightInit> WEIGHT_INITS = new LinkedHashMap<>();

    static {
        ACTIVATIONS.put("relu", Activation.RELU);
        ACTIVATIONS.put("tanh", Activation.TANH);
        ACTIVATIONS.put("elu", Activation.ELU);
        ACTIVATIONS.put("leakyrelu", Activation.LEAKYRELU); // slope 0.01, as torch.nn.LeakyReLU
        ACTIVATIONS.put("sigmoid", Activation.SIGMOID);
        ACTIVATIONS.put("identity", Activation.IDENTITY);
        // U(-1/sqrt(fanIn), 1/sqrt(fanIn)): PyTorch's default nn.Linear/nn.Conv2d weight init.
        WEIGHT_INITS.put("uniform", WeightInit.UNIFORM);
        WEIGHT_INITS.put("xavier", WeightInit.XAVIER); // Glorot normal, torch xavier_normal_
        WEIGHT_INITS.put("xavier_uniform", WeightInit.XAVIER_UNIFORM); // torch xavier_uniform_
        WEIGHT_INITS.put("relu", WeightInit.RELU); // He normal, N(0, 2/fanIn)
        WEIGHT_INITS.put("relu_uniform", WeightInit.RELU_UNIFORM); // He uniform, U(+-sqrt(6/fanIn))
        WEIGHT_INITS.put("lecun_normal", WeightInit.LECUN_NORMAL);
        WEIGHT_INITS.put("lecun_uniform", WeightInit.LECUN_UNIFORM);
    }

    private Dl4jNames() {
    }

    static String normalize(String name, String what) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
        return name.trim().toLowerCase(Locale.ROOT);
    }

    static Activation activation(String name) {
        Activation a = ACTIVATIONS.get(normalize(name, "activation"));
        if (a == null) {
            throw new IllegalArgumentException("unknown activation '" + name + "'; supported: "
                    + String.join(", ", ACTIVATIONS.keySet()));
        }
        return a;
    }

    static WeightInit weightInit(String name) {
        String n = normalize(name, "weightInit");
        WeightInit w = WEIGHT_INITS.get(n);
        if (w == null) {
            String hint = n.equals("orthogonal")
                    ? "DL4J 1.0.0-M2.1 has no orthogonal initializer; " : "";
            throw new IllegalArgumentException("unknown weightInit '" + name + "'; " + hint + "supported: "
                    + String.join(", ", WEIGHT_INITS.keySet()));
        }
        return w;
    }
}
