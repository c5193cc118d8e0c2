package org.deeprl4j.experiments.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class SuiteTest {
    @Test
    void parsesSuiteIdsAndAll() {
        assertEquals(EnumSet.of(Suite.ENV), Suite.parse("env"));
        assertEquals(EnumSet.of(Suite.TRAIN), Suite.parse(" Train "));
        assertEquals(EnumSet.allOf(Suite.class), Suite.parse("all"));
        assertEquals("inference", Suite.INFERENCE.id());
    }

    @Test
    void unknownSuiteNamesTheValidOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Suite.parse("gpu"));
        assertTrue(e.getMessage().contains("'gpu'") && e.getMessage().contains("env, inference, train, all"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Suite.parse(null));
    }
}
