package org.deeprl4j.agents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.deeprl4j.agents.dqn.DqnConfig;
import org.junit.jupiter.api.Test;

class ConfigBinderTest {
    private static String error(Map<String, ?> overrides) {
        return assertThrows(IllegalArgumentException.class,
                () -> ConfigBinder.override(DqnConfig.defaults(), overrides)).getMessage();
    }

    @Test
    void overridesBindSnakeCaseKeys() {
        DqnConfig c = ConfigBinder.override(DqnConfig.defaults(),
                Map.of("learning_rate", 2.3e-3, "net_arch", List.of(256, 256), "double_dqn", true));
        assertEquals(2.3e-3, c.learningRate());
        assertEquals(List.of(256, 256), c.netArch());
        assertTrue(c.doubleDqn());
        assertEquals(DqnConfig.defaults().batchSize(), c.batchSize());
        assertEquals(c, ConfigBinder.bind(ConfigBinder.toMap(c), DqnConfig.class), "round trip through a map");
    }

    @Test
    void unknownKeyIsNamedWithSuggestion() {
        String m = error(Map.of("learning_rat", 1e-3));
        assertTrue(m.contains("'learning_rat'") && m.contains("learning_rate"), m);
    }

    @Test
    void wrongTypeIsNamed() {
        String m = error(Map.of("batch_size", "big"));
        assertTrue(m.contains("batch_size"), m);
    }

    @Test
    void invalidHyperparametersNameTheRange() {
        assertTrue(error(Map.of("learning_rate", -1.0)).contains("learning_rate must be > 0"));
        assertTrue(error(Map.of("gamma", 1.5)).contains("gamma must be in [0.0, 1.0]"));
        assertTrue(error(Map.of("n_step", 0)).contains("n_step must be >= 1"));
        String batch = error(Map.of("batch_size", 64, "buffer_size", 10));
        assertTrue(batch.contains("batch_size (64) must not exceed buffer_size (10)"), batch);
        assertTrue(error(Map.of("loss", "l1")).contains("loss must be one of huber, mse"));
        assertTrue(error(Map.of("net_arch", List.of())).contains("net_arch"));
    }
}
