package org.deeprl4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.deeprl4j.env.Rng;
import org.deeprl4j.env.Step;
import org.deeprl4j.env.spaces.Box;
import org.deeprl4j.env.spaces.Dict;
import org.deeprl4j.env.spaces.Discrete;
import org.deeprl4j.env.spaces.MultiBinary;
import org.deeprl4j.env.spaces.Space;
import org.junit.jupiter.api.Test;

class TrajectoryFormatTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void float32ValuesRoundTripExactlyThroughJson() throws Exception {
        Rng rng = new Rng(1);
        Box<float[]> space = Box.of(Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY, 64);
        for (int k = 0; k < 50; k++) {
            float[] obs = new float[64];
            for (int i = 0; i < obs.length; i++) {
                obs[i] = Float.intBitsToFloat(rng.nextInt());
                if (Float.isNaN(obs[i]) || Float.isInfinite(obs[i])) {
                    obs[i] = (float) rng.nextGaussian() * 1e-30f;
                }
            }
            JsonNode n = JSON.readTree(TrajectoryFormat.resetLine(space, obs)).get("obs");
            for (int i = 0; i < obs.length; i++) {
                assertEquals(Float.floatToIntBits(obs[i]), Float.floatToIntBits((float) n.get(i).asDouble()), "element " + i);
                assertEquals(obs[i], Float.parseFloat(n.get(i).asText()));
            }
        }
    }

    @Test
    void float64ObservationsAndRewardsRoundTrip() throws Exception {
        Box<double[]> space = Box.float64(new double[] {-10, -10}, new double[] {10, 10});
        double[] obs = {0.1 + 0.2, -1.0 / 3};
        String line = TrajectoryFormat.stepLine(1, new Discrete(2), 1, space, Step.of(obs, 0.1 + 0.7, false, true));
        assertEquals("{\"t\":1,\"action\":1,\"obs\":[0.30000000000000004,-0.3333333333333333],"
                + "\"reward\":0.7999999999999999,\"terminated\":false,\"truncated\":true}", line);
    }

    @Test
    void nanAndInfinityStayValidJson() throws Exception {
        Box<float[]> space = Box.of(Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY, 3);
        String line = TrajectoryFormat.stepLine(2, space, new float[] {1, 2, 3}, space,
                Step.of(new float[] {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY}, Double.NaN, true, false));
        assertEquals("{\"t\":2,\"action\":[1.0,2.0,3.0],\"obs\":[null,1e309,-1e309],\"reward\":null,"
                + "\"terminated\":true,\"truncated\":false}", line);
        JsonNode n = JSON.readTree(line);
        assertTrue(Double.isInfinite(n.get("obs").get(1).asDouble()));
        assertTrue(n.get("obs").get(0).isNull());
    }

    @Test
    void dictObservationsFlattenInKeyOrderAndDictActionsAreObjects() {
        Map<String, Space<?>> subs = new LinkedHashMap<>();
        subs.put("pos", Box.of(-1f, 1f, 2));
        subs.put("flag", new Discrete(2));
        subs.put("bits", new MultiBinary(2));
        Dict dict = new Dict(subs);
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("pos", new float[] {0.5f, -0.25f});
        value.put("flag", 1);
        value.put("bits", new int[] {0, 1});
        assertEquals("{\"t\":0,\"obs\":[0.5,-0.25,1,0,1]}", TrajectoryFormat.resetLine(dict, value));
        StringBuilder sb = new StringBuilder();
        TrajectoryFormat.appendValue(sb, dict, value);
        assertEquals("{\"pos\":[0.5,-0.25],\"flag\":1,\"bits\":[0,1]}", sb.toString());
    }
}
