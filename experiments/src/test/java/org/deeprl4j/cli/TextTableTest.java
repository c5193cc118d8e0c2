package org.deeprl4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TextTableTest {
    @Test
    void alignsColumnsAndTrimsTrailingSpaces() {
        String t = new TextTable("ID", "SPACE", "X").add("CartPole-v1", "Discrete(2)", "").add("A-v0", "Box", "7").render();
        assertEquals("ID           SPACE        X\n"
                + "CartPole-v1  Discrete(2)\n"
                + "A-v0         Box          7\n", t);
    }

    @Test
    void rejectsRowsOfTheWrongWidth() {
        assertThrows(IllegalArgumentException.class, () -> new TextTable("A", "B").add("only one"));
    }
}
