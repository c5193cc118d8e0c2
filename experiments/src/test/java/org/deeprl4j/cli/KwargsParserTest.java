package org.deeprl4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KwargsParserTest {
    @Test
    void typesValuesLikeYaml() {
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("a", 3);
        expected.put("b", -2.5);
        expected.put("c", true);
        expected.put("d", "hello");
        expected.put("e", 10000000000L);
        expected.put("f", 1e-3);
        assertEquals(expected, KwargsParser.parse(List.of("a=3", "b=-2.5", "c=true", "d=hello", "e=10000000000", "f=1e-3")));
        assertEquals(List.of("a", "b", "c", "d", "e", "f"), List.copyOf(KwargsParser.parse(
                List.of("a=3", "b=-2.5", "c=true", "d=hello", "e=10000000000", "f=1e-3")).keySet()), "order kept");
    }

    @Test
    void rejectsMalformedItems() {
        assertThrows(IllegalArgumentException.class, () -> KwargsParser.parse(List.of("novalue")));
        assertThrows(IllegalArgumentException.class, () -> KwargsParser.parse(List.of("=3")));
        assertThrows(IllegalArgumentException.class, () -> KwargsParser.parse(List.of("a=1", "a=2")));
    }

    @Test
    void emptyWhenAbsent() {
        assertEquals(Map.of(), KwargsParser.parse(null));
    }
}
