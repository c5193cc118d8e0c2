package org.deeprl4j.tests;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.deeprl4j.env.Envs;
import org.deeprl4j.env.check.CheckReport;
import org.deeprl4j.env.check.EnvChecker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every registered environment passes the env checker. */
class EnvConformanceTest {
    static Stream<String> registeredIds() {
        return Envs.ids().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("registeredIds")
    void passesTheChecker(String id) {
        for (long seed : new long[] {0, 42}) {
            CheckReport report = EnvChecker.check(id, seed);
            assertTrue(report.passed(), report.format());
        }
    }

    @Test
    void classicControlIsRegistered() {
        List<String> ids = Envs.ids();
        for (String id : List.of("CartPole-v0", "CartPole-v1", "Acrobot-v1", "MountainCar-v0",
                "MountainCarContinuous-v0", "Pendulum-v1", "Identity-v0", "IdentityBox-v0", "GridWorld-v0")) {
            assertTrue(ids.contains(id), id + " missing from " + ids);
        }
        assertFalse(ids.isEmpty());
    }
}
