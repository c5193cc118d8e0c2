package org.deeprl4j.env.spaces;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeprl4j.env.Rng;
import org.junit.jupiter.api.Test;

class SpacesTest {
    private final Rng rng = new Rng(7);

    @Test
    void discreteWithStart() {
        Discrete d = new Discrete(3, -1);
        assertTrue(d.contains(-1) && d.contains(1));
        assertFalse(d.contains(2) || d.contains(-2));
        assertFalse(d.contains(1.0), "floats are not Discrete elements");
        assertFalse(d.contains(null));
        int[] counts = new int[3];
        for (int i = 0; i < 3000; i++) {
            int v = d.sample(rng);
            assertTrue(d.contains(v));
            counts[v + 1]++;
        }
        for (int c : counts) {
            assertTrue(c > 850 && c < 1150, "roughly uniform: " + c);
        }
        assertEquals(new Discrete(3, -1), d);
        assertNotEquals(new Discrete(3), d);
        assertEquals(Map.of("name", "Discrete", "n", 3, "start", -1), d.toJson());
        assertEquals(Map.of("name", "Discrete", "n", 2), new Discrete(2).toJson());
        assertThrows(IllegalArgumentException.class, () -> new Discrete(0));
        assertEquals(1, d.fromJson(1));
        assertThrows(IllegalArgumentException.class, () -> d.fromJson(0.5));
    }

    @Test
    void boxContainsAndSamplesWithinBounds() {
        Box<float[]> box = Box.of(new float[] {-1f, 0f, Float.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY},
                new float[] {1f, Float.POSITIVE_INFINITY, 5f, Float.POSITIVE_INFINITY});
        for (int i = 0; i < 1000; i++) {
            float[] x = box.sample(rng);
            assertTrue(box.contains(x));
        }
        assertFalse(box.contains(new float[] {2f, 0f, 0f, 0f}));
        assertFalse(box.contains(new float[] {Float.NaN, 0f, 0f, 0f}), "NaN is never contained");
        assertFalse(box.contains(new float[] {0f, 0f, 0f}), "wrong length");
        assertFalse(box.contains(new double[] {0, 0, 0, 0}), "float32 box holds float[]");
        assertEquals(Box.of(new float[] {-1f, 0f, Float.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY},
                new float[] {1f, Float.POSITIVE_INFINITY, 5f, Float.POSITIVE_INFINITY}), box);
        assertFalse(box.isBounded());
        assertEquals("Box([-1.0 0.0 -inf -inf], [1.0 inf 5.0 inf], (4,), float32)", box.toString());
    }

    @Test
    void boxJsonUsesGymHttpInfinity() {
        Box<float[]> box = Box.of(new float[] {-2f, Float.NEGATIVE_INFINITY}, new float[] {2f, Float.POSITIVE_INFINITY});
        Map<String, Object> json = box.toJson();
        assertEquals("Box", json.get("name"));
        assertEquals(List.of(2), json.get("shape"));
        assertEquals(List.of(-2.0, -1e100), json.get("low"));
        assertEquals(List.of(2.0, 1e100), json.get("high"));
        assertEquals(box, Spaces.fromJson(json), "round trip through the Gym HTTP description");
    }

    @Test
    void float64BoxHoldsDoubles() {
        Box<double[]> box = Box.float64(new double[] {0, 0}, new double[] {1, 1}, 2);
        double[] x = box.sample(rng);
        assertTrue(box.contains(x));
        assertFalse(box.contains(new float[] {0f, 0f}));
        assertEquals("float64", box.toJson().get("dtype"));
        assertEquals(box, Spaces.fromJson(box.toJson()));
        assertArrayEquals(new double[] {0.25, 0.5}, box.fromJson(List.of(0.25, 0.5)));
    }

    @Test
    void boxShapesAndFlattening() {
        Box<float[]> box = Box.of(0f, 1f, 2, 3);
        assertArrayEquals(new int[] {2, 3}, box.shape());
        assertEquals(6, box.flatDim());
        float[] v = {0f, .1f, .2f, .3f, .4f, .5f};
        float[] dst = new float[8];
        box.flatten(v, dst, 2);
        assertArrayEquals(v, box.unflatten(dst, 2));
        assertArrayEquals(v, box.fromJson(List.of(List.of(0, .1, .2), List.of(.3, .4, .5))));
        assertThrows(IllegalArgumentException.class, () -> box.fromJson(List.of(1, 2)));
        assertThrows(IllegalArgumentException.class, () -> Box.of(new float[] {1f}, new float[] {0f}));
    }

    @Test
    void multiDiscreteAndMultiBinary() {
        MultiDiscrete md = new MultiDiscrete(3, 2);
        for (int i = 0; i < 200; i++) {
            assertTrue(md.contains(md.sample(rng)));
        }
        assertFalse(md.contains(new int[] {3, 0}));
        assertFalse(md.contains(new int[] {0}));
        assertEquals(md, Spaces.fromJson(md.toJson()));
        assertArrayEquals(new int[] {2, 1}, md.fromJson(List.of(2, 1)));

        MultiBinary mb = new MultiBinary(4);
        int ones = 0;
        for (int i = 0; i < 1000; i++) {
            int[] s = mb.sample(rng);
            assertTrue(mb.contains(s));
            ones += s[0];
        }
        assertTrue(ones > 400 && ones < 600);
        assertFalse(mb.contains(new int[] {0, 1, 2, 0}));
        assertEquals(mb, Spaces.fromJson(mb.toJson()));
        assertEquals(new MultiBinary(4), mb);
    }

    @Test
    void dictSpace() {
        Map<String, Space<?>> subs = new LinkedHashMap<>();
        subs.put("pos", Box.of(-1f, 1f, 2));
        subs.put("id", new Discrete(5));
        Dict dict = new Dict(subs);
        Map<String, Object> x = dict.sample(rng);
        assertTrue(dict.contains(x));
        assertEquals(3, dict.flatDim());
        float[] flat = dict.flatten(x);
        assertEquals(x.get("id"), dict.unflatten(flat, 0).get("id"));
        assertFalse(dict.contains(Map.of("pos", new float[] {0f, 0f})));
        assertEquals(dict, Spaces.fromJson(dict.toJson()));
        assertThrows(IllegalArgumentException.class, () -> dict.fromJson(Map.of("pos", List.of(0, 0))));
    }

    @Test
    void unsupportedJsonSpaceNamesTheName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Spaces.fromJson(Map.of("name", "Tuple")));
        assertTrue(e.getMessage().contains("Tuple"));
    }
}
