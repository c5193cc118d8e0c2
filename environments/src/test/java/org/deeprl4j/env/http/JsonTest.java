package org.deeprl4j.env.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.deeprl4j.env.Rng;
import org.deeprl4j.env.spaces.Box;
import org.deeprl4j.env.spaces.Dict;
import org.deeprl4j.env.spaces.Discrete;
import org.deeprl4j.env.spaces.MultiBinary;
import org.deeprl4j.env.spaces.MultiDiscrete;
import org.deeprl4j.env.spaces.Space;
import org.junit.jupiter.api.Test;

/** The wire format of observations: exact float32 round trips, nesting like numpy's tolist(). */
class JsonTest {
    private static String write(Space<?> space, Object value) {
        return new String(Json.bytes(g -> Json.writeValue(g, space, value)), java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void float32ValuesRoundTripBitForBit() throws Exception {
        Rng rng = new Rng(1);
        float[] v = new float[100_000];
        for (int i = 0; i < v.length; i++) {
            v[i] = Float.intBitsToFloat(rng.nextInt()); // every exponent, subnormals included
            if (Float.isNaN(v[i]) || Float.isInfinite(v[i])) {
                v[i] = i;
            }
        }
        Box<float[]> box = Box.of(-Float.MAX_VALUE, Float.MAX_VALUE, v.length);
        float[] back = box.fromJson(Json.MAPPER.readValue(write(box, v), Object.class));
        int first = -1;
        for (int i = 0; i < v.length && first < 0; i++) {
            first = Float.floatToRawIntBits(v[i]) == Float.floatToRawIntBits(back[i]) ? -1 : i;
        }
        int at = first;
        assertEquals(-1, at, () -> "first mismatch: " + v[at] + " came back as " + back[at]);
    }

    @Test
    void floatsAreWrittenAsTheirExactDouble() {
        Box<float[]> box = Box.of(-1f, 1f, 2);
        assertEquals("[0.10000000149011612,-0.5]", write(box, new float[] {0.1f, -0.5f}), "what numpy's tolist() gives");
    }

    @Test
    void nestingFollowsTheShape() {
        Box<float[]> box = Box.of(-10f, 10f, 2, 3);
        assertEquals("[[1.0,2.0,3.0],[4.0,5.0,6.0]]", write(box, new float[] {1, 2, 3, 4, 5, 6}));
        assertEquals("[[1,0],[0,1]]", write(new MultiBinary(2, 2), new int[] {1, 0, 0, 1}));
        assertEquals("[2,0,1]", write(new MultiDiscrete(3, 3, 3), new int[] {2, 0, 1}));
        assertEquals("4", write(new Discrete(5), 4));
        Dict dict = new Dict(Map.of("pos", new Discrete(3)));
        assertEquals("{\"pos\":2}", write(dict, Map.of("pos", 2)));
    }

    @Test
    void infoValuesOfAnyKindBecomeJson() {
        Map<String, Object> info = new java.util.LinkedHashMap<>();
        info.put("f", 0.5f);
        info.put("arr", new double[] {1.5, Double.NaN});
        info.put("list", List.of(1, "a", true));
        info.put("obj", new StringBuilder("sb"));
        info.put("other", Thread.State.NEW);
        assertEquals("{\"f\":0.5,\"arr\":[1.5,NaN],\"list\":[1,\"a\",true],\"obj\":\"sb\",\"other\":\"NEW\"}",
                new String(Json.bytes(g -> Json.writeAny(g, info)), java.nio.charset.StandardCharsets.UTF_8));
    }
}
