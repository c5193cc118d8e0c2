package org.deeprl4j.env.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.LinkedHashMap;
import java.util.Map;
import org.deeprl4j.env.spaces.Box;
import org.deeprl4j.env.spaces.Dict;
import org.deeprl4j.env.spaces.Discrete;
import org.deeprl4j.env.spaces.MultiBinary;
import org.deeprl4j.env.spaces.MultiDiscrete;
import org.junit.jupiter.api.Test;

class ValueChecksTest {

    @Test
    void discreteNeedsAnIntegerInRange() {
        Discrete d = new Discrete(3, 1);
        assertNull(ValueChecks.check(d, 3));
        assertEquals(ValueChecks.Kind.TYPE, ValueChecks.check(d, 2L).kind());
        assertEquals("value 4 is outside Discrete(3, start=1)", ValueChecks.check(d, 4).message());
        assertEquals("is null", ValueChecks.check(d, null).message());
    }

    @Test
    void boxChecksDtypeLengthNanInfinityAndBounds() {
        Box<double[]> b = Box.float64(new double[] {0, 0}, new double[] {1, Double.POSITIVE_INFINITY});
        assertNull(ValueChecks.check(b, new double[] {0.5, 1e300}));
        assertEquals("has type float[], expected double[] for " + b, ValueChecks.check(b, new float[2]).message());
        assertEquals("has 3 elements, expected 2 for shape [2]", ValueChecks.check(b, new double[3]).message());
        ValueChecks.Problem inf = ValueChecks.check(b, new double[] {0.5, Double.POSITIVE_INFINITY});
        assertEquals(ValueChecks.Kind.INFINITE, inf.kind()); // inside the bounds, but still reported
        assertEquals("element 1 is Infinity", inf.message());
        ValueChecks.Problem nan = ValueChecks.check(b, new double[] {2, Double.NaN});
        assertEquals("element 1 is NaN", nan.message()); // NaN is reported before the bound violation
        assertEquals(ValueChecks.Kind.OUTSIDE, ValueChecks.check(b, new double[] {-0.5, 0}).kind());
    }

    @Test
    void rankTwoElementsGetTheirIndex() {
        Box<float[]> b = Box.of(0f, 1f, 2, 3);
        float[] x = new float[6];
        x[5] = Float.NaN;
        assertEquals("element 5 (index [1, 2]) is NaN", ValueChecks.check(b, x).message());
    }

    @Test
    void multiDiscreteAndMultiBinary() {
        MultiDiscrete m = new MultiDiscrete(new int[] {2, 3}, new int[] {0, -1});
        assertNull(ValueChecks.check(m, new int[] {1, -1}));
        assertEquals("element 1 = 2 is outside [-1, 1] of " + m, ValueChecks.check(m, new int[] {0, 2}).message());
        MultiBinary mb = new MultiBinary(3);
        assertEquals(ValueChecks.Kind.OUTSIDE, ValueChecks.check(mb, new int[] {0, 2, 1}).kind());
    }

    @Test
    void dictNamesTheEntry() {
        Map<String, Object> spaces = new LinkedHashMap<>();
        spaces.put("pos", Box.of(-1f, 1f, 2));
        spaces.put("id", new Discrete(4));
        @SuppressWarnings({"unchecked", "rawtypes"})
        Dict d = new Dict((Map) spaces);
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("pos", new float[] {0f, Float.NaN});
        v.put("id", 1);
        assertEquals("entry 'pos' element 1 is NaN", ValueChecks.check(d, v).message());
        assertEquals(ValueChecks.Kind.TYPE, ValueChecks.check(d, Map.of("pos", new float[2])).kind());
    }

    @Test
    void digestIsEqualForEqualValuesOnly() {
        assertEquals(ValueChecks.digest(new float[] {1f, Float.NaN}), ValueChecks.digest(new float[] {1f, Float.NaN}));
        assertNotEquals(ValueChecks.digest(new float[] {1f, 2f}), ValueChecks.digest(new float[] {2f, 1f}));
        assertNotEquals(ValueChecks.digest(new float[] {0f}), ValueChecks.digest(new float[] {-0f}));
        assertNotEquals(ValueChecks.digest(1), ValueChecks.digest(2));
        assertEquals(ValueChecks.digest(Map.of("a", new int[] {1}, "b", 2)),
                ValueChecks.digest(new LinkedHashMap<>(Map.of("b", 2, "a", new int[] {1}))));
    }
}
