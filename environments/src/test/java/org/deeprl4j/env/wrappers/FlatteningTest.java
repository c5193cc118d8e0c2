package org.deeprl4j.env.wrappers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeprl4j.env.spaces.Box;
import org.deeprl4j.env.spaces.Dict;
import org.deeprl4j.env.spaces.Discrete;
import org.deeprl4j.env.spaces.MultiBinary;
import org.deeprl4j.env.spaces.MultiDiscrete;
import org.deeprl4j.env.spaces.Space;
import org.junit.jupiter.api.Test;

class FlatteningTest {

    private static Dict dict() {
        Map<String, Space<?>> spaces = new LinkedHashMap<>();
        spaces.put("pos", Box.of(new float[] {-1f, 0f}, new float[] {1f, 5f}));
        spaces.put("id", new Discrete(3));
        spaces.put("flags", new MultiBinary(2));
        return new Dict(spaces);
    }

    private static Map<String, Object> dictValue(float x, int id) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("flags", new int[] {1, 0}); // map order does not matter: the Dict's key order does
        v.put("id", id);
        v.put("pos", new float[] {x, 2f});
        return v;
    }

    @Test
    void discreteBecomesOneHot() {
        assertArrayEquals(new float[] {0, 1, 0}, Flattening.flatten(new Discrete(3), 1), 0f);
        assertArrayEquals(new float[] {1, 0, 0}, Flattening.flatten(new Discrete(3, -1), -1), 0f);
        assertEquals(Box.of(0f, 1f, 3), Flattening.flattenSpace(new Discrete(3)));
        // unlike Space.flatten, which stores the integer itself
        assertArrayEquals(new float[] {2}, new Discrete(3).flatten(2), 0f);
    }

    @Test
    void multiDiscreteBecomesConcatenatedOneHots() {
        MultiDiscrete md = new MultiDiscrete(new int[] {2, 3}, new int[] {0, 1});
        assertEquals(5, Flattening.flatDim(md));
        assertArrayEquals(new float[] {0, 1, 0, 0, 1}, Flattening.flatten(md, new int[] {1, 3}), 0f);
        assertArrayEquals(new float[] {1, 0, 1, 0, 0}, Flattening.flatten(md, new int[] {0, 1}), 0f);
        assertThrows(IllegalArgumentException.class, () -> Flattening.flatten(md, new int[] {2, 1}));
    }

    @Test
    void dictConcatenatesInKeyOrderAndBoundsFollow() {
        Dict dict = dict();
        assertEquals(7, Flattening.flatDim(dict));
        assertArrayEquals(new float[] {0.5f, 2f, 0, 0, 1, 1, 0}, Flattening.flatten(dict, dictValue(0.5f, 2)), 0f);
        assertEquals(Box.of(new float[] {-1, 0, 0, 0, 0, 0, 0}, new float[] {1, 5, 1, 1, 1, 1, 1}),
                Flattening.flattenSpace(dict));
        float[] dst = new float[9];
        dst[3] = 7f; // stale data in one-hot positions is overwritten
        assertEquals(8, Flattening.flatten(dict, dictValue(-1f, 0), dst, 1));
        assertArrayEquals(new float[] {0, -1f, 2f, 1, 0, 0, 1, 0, 0}, dst, 0f);
    }

    @Test
    void boxesAreCopiedAndFloat64IsCast() {
        Box<double[]> box = Box.float64(new double[] {0, 0}, new double[] {1, 1}, 2);
        assertArrayEquals(new float[] {0.25f, (float) 0.1}, Flattening.flatten(box, new double[] {0.25, 0.1}), 0f);
        assertArrayEquals(new float[] {3f, 4f}, Flattening.flatten(Box.of(0f, 5f, 2), new float[] {3f, 4f}), 0f);
        assertThrows(IllegalArgumentException.class, () -> Flattening.flatten(box, new float[] {0f, 0f}));
    }

    @Test
    void badValuesAreRejectedNamingTheSpace() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Flattening.flatten(new Discrete(3), 3));
        assertTrue(e.getMessage().contains("Discrete(3)"), e.getMessage());
        Map<String, Object> missing = dictValue(0f, 1);
        missing.remove("id");
        e = assertThrows(IllegalArgumentException.class, () -> Flattening.flatten(dict(), missing));
        assertTrue(e.getMessage().contains("'id'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Flattening.flatten(new MultiBinary(2), new int[] {1}));
    }

    @Test
    void flattenObservationWrapsAnyObservationSpace() {
        ScriptedEnv<Map<String, Object>, Integer> inner = new ScriptedEnv<>(dict(), new Discrete(2),
                List.of(dictValue(0f, 0), dictValue(1f, 1)));
        FlattenObservation<Map<String, Object>, Integer> env = new FlattenObservation<>(inner);
        assertEquals(Flattening.flattenSpace(dict()), env.observationSpace());
        float[] first = env.reset(0).observation();
        assertArrayEquals(new float[] {0f, 2f, 1, 0, 0, 1, 0}, first, 0f);
        float[] next = env.step(1).observation();
        assertArrayEquals(new float[] {1f, 2f, 0, 1, 0, 1, 0}, next, 0f);
        assertTrue(env.observationSpace().contains(first) && env.observationSpace().contains(next));
        assertEquals(1, inner.lastAction);

        FlattenObservation<Integer, Integer> discrete = new FlattenObservation<>(
                new ScriptedEnv<>(new Discrete(4), new Discrete(2), List.of(3, 0)));
        assertArrayEquals(new float[] {0, 0, 0, 1}, discrete.reset(0).observation(), 0f);
        assertArrayEquals(new float[] {1, 0, 0, 0}, discrete.step(0).observation(), 0f);
    }
}
