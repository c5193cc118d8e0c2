package org.deeprl4j.env.vector;

import static org.deeprl4j.env.vector.VectorEnvTest.create;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.deeprl4j.env.Env;
import org.deeprl4j.env.InvalidActionException;
import org.deeprl4j.env.Step;
import org.deeprl4j.env.spaces.Box;
import org.deeprl4j.env.spaces.Discrete;
import org.deeprl4j.env.spaces.Space;
import org.deeprl4j.env.wrappers.Wrapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad input, call order, sub-env failures and close. */
class VectorEnvErrorsTest {

    @ParameterizedTest
    @ValueSource(strings = {"sync", "threaded"})
    void wrongActionArraysNameExpectedAndActual(String kind) {
        try (VectorEnv v = create(kind, CounterEnv.discreteFactories(5, 5, 5), AutoresetMode.NEXT_STEP)) {
            v.reset(0);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> v.step(new int[2]));
            assertTrue(e.getMessage().contains("= 3 actions") && e.getMessage().contains("got 2"), e.getMessage());
            e = assertThrows(IllegalArgumentException.class, () -> v.step((int[]) null));
            assertTrue(e.getMessage().contains("got null"), e.getMessage());
            e = assertThrows(IllegalArgumentException.class, () -> v.step(new float[3]));
            String msg = e.getMessage();
            assertTrue(msg.contains("Discrete(3)") && msg.contains("step(int[])"), msg);
            assertDoesNotThrow(() -> v.step(new int[3]), "argument errors leave the env usable");
        }
        List<Supplier<Env<?, ?>>> boxes = List.of(() -> new CounterEnv<>(Box.of(-1f, 1f, 2), 5));
        try (VectorEnv v = create(kind, boxes, AutoresetMode.NEXT_STEP)) {
            v.reset(0);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> v.step(new int[2]));
            assertTrue(e.getMessage().contains("step(float[])"), e.getMessage());
            e = assertThrows(IllegalArgumentException.class, () -> v.step(new float[3]));
            assertTrue(e.getMessage().contains("1 * 2 = 2") && e.getMessage().contains("got 3"), e.getMessage());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sync", "threaded"})
    void callOrderIsEnforced(String kind) {
        VectorEnv v = create(kind, CounterEnv.discreteFactories(5, 5), AutoresetMode.NEXT_STEP);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> v.step(new int[2]));
        assertTrue(e.getMessage().contains("before reset()"), e.getMessage());
        v.reset(0);
        v.close();
        e = assertThrows(IllegalStateException.class, () -> v.step(new int[2]));
        assertTrue(e.getMessage().contains("after close()"), e.getMessage());
        assertThrows(IllegalStateException.class, v::reset);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sync", "threaded"})
    void invalidActionNamesTheEnvAndRequiresAReset(String kind) {
        try (VectorEnv v = create(kind, CounterEnv.discreteFactories(50, 50, 50), AutoresetMode.NEXT_STEP)) {
            v.reset(0);
            VectorActionException e = assertThrows(VectorActionException.class, () -> v.step(new int[] {0, 1, 7}));
            assertInstanceOf(InvalidActionException.class, e);
            assertInstanceOf(InvalidActionException.class, e.getCause());
            assertEquals(2, e.envIndex());
            assertTrue(e.getMessage().startsWith("sub-env 2: ") && e.getMessage().contains("7"), e.getMessage());
            IllegalStateException after = assertThrows(IllegalStateException.class, () -> v.step(new int[3]));
            assertTrue(after.getMessage().contains("call reset() first"), after.getMessage());
            v.reset(0);
            assertEquals(1f, v.step(new int[] {1, 1, 1}).observations()[0]);
        }
    }

    /** Throws from step number {@code failAt} on. */
    private static final class Failing extends Wrapper<float[], Integer> {
        private final int failAt;
        private int steps;

        Failing(int failAt) {
            super(CounterEnv.discrete(1000));
            this.failAt = failAt;
        }

        @Override
        public Step<float[]> step(Integer action) {
            if (++steps >= failAt) {
                throw new IllegalStateException("simulator exploded at step " + steps);
            }
            return env.step(action);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sync", "threaded"})
    void subEnvFailuresCarryTheEnvIndex(String kind) {
        List<Supplier<Env<?, ?>>> factories = new ArrayList<>(CounterEnv.discreteFactories(1000, 1000, 1000));
        factories.add(() -> new Failing(2)); // env 3: in the worker's slice when threaded
        try (VectorEnv v = create(kind, factories, AutoresetMode.NEXT_STEP)) {
            v.reset(0);
            v.step(new int[4]);
            VectorEnvException e = assertThrows(VectorEnvException.class, () -> v.step(new int[4]));
            assertEquals(3, e.envIndex());
            assertTrue(e.getMessage().contains("sub-env 3") && e.getMessage().contains("exploded"), e.getMessage());
        }
        factories.set(0, () -> new Failing(1)); // env 0 (caller's slice) and env 3 fail in one step
        factories.set(3, () -> new Failing(1));
        try (VectorEnv v = create(kind, factories, AutoresetMode.NEXT_STEP)) {
            v.reset(0);
            VectorEnvException e = assertThrows(VectorEnvException.class, () -> v.step(new int[4]));
            assertEquals(0, e.envIndex(), "the lowest failing index is reported");
            if (kind.equals("threaded")) {
                assertEquals(3, ((VectorEnvException) e.getSuppressed()[0]).envIndex());
            }
        }
    }

    @Test
    void mismatchedSpacesAreRejectedAndCreatedEnvsClosed() {
        List<CounterEnv<?>> made = new ArrayList<>();
        List<Supplier<Env<?, ?>>> factories = List.of(
                () -> add(made, CounterEnv.discrete(5)),
                () -> add(made, new CounterEnv<>(new Discrete(4), 5)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SyncVectorEnv(factories));
        assertTrue(e.getMessage().contains("sub-env 1 has action space Discrete(4)")
                && e.getMessage().contains("sub-env 0 has Discrete(3)"), e.getMessage());
        assertEquals(2, made.size());
        assertTrue(made.get(0).closed && made.get(1).closed, "envs created before the error are closed");
        e = assertThrows(IllegalArgumentException.class, () -> new ThreadedVectorEnv(List.of()));
        assertTrue(e.getMessage().contains("empty list"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new ThreadedVectorEnv(CounterEnv.discreteFactories(1), AutoresetMode.NEXT_STEP, 0));
        assertTrue(e.getMessage().contains("numThreads must be positive, got 0"), e.getMessage());
    }

    private static <E extends CounterEnv<?>> E add(List<CounterEnv<?>> made, E env) {
        made.add(env);
        return env;
    }

    @ParameterizedTest
    @ValueSource(strings = {"sync", "threaded"})
    void closeClosesEveryEnvOnce(String kind) {
        List<CounterEnv<?>> made = new ArrayList<>();
        List<Supplier<Env<?, ?>>> factories = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            factories.add(() -> add(made, CounterEnv.discrete(5)));
        }
        VectorEnv v = create(kind, factories, AutoresetMode.SAME_STEP);
        v.reset(0);
        assertFalse(made.get(2).closed);
        v.close();
        assertTrue(made.stream().allMatch(env -> env.closed));
        assertDoesNotThrow(v::close);
    }

    @Test
    void dictActionSpacesAreRejected() {
        Space<?> dict = new org.deeprl4j.env.spaces.Dict(java.util.Map.of("a", new Discrete(2)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SyncVectorEnv(List.of(() -> new CounterEnv<>(dict, 5))));
        assertTrue(e.getMessage().contains("Discrete, MultiDiscrete, MultiBinary and Box"), e.getMessage());
    }
}
