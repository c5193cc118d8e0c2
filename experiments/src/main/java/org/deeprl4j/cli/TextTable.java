package org.deeprl4j.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A plain-text table with left-aligned columns separated by two spaces, for command output. */
public final class TextTable {
    private final String[] header;
    private final List<String[]> rows = new ArrayList<>();

    public TextTable(String... header) {
        this.header = header.clone();
    }

    /** Adds a row; it must have one cell per column. */
    public TextTable add(String... cells) {
        if (cells.length != header.length) {
            throw new IllegalArgumentException("row has " + cells.length + " cells but the table has "
                    + header.length + " columns: " + Arrays.toString(cells));
        }
        rows.add(cells.clone());
        return this;
    }

    /** The table as lines ending in newlines, header first; trailing spaces are trimmed. */
    public String render() {
        int[] width = new int[header.length];
        for (int c = 0; c < header.length; c++) {
            width[c] = header[c].length();
            for (String[] r : rows) {
                width[c] = Math.max(width[c], r[c].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        line(sb, header, width);
        for (String[] r : rows) {
            line(sb, r, width);
        }
        return sb.toString();
    }

    private static void line(StringBuilder sb, String[] cells, int[] width) {
        StringBuilder l = new StringBuilder();
        for (int c = 0; c < cells.length; c++) {
            l.append(cells[c]);
            if (c + 1 < cells.length) {
                l.append(" ".repeat(width[c] - cells[c].length() + 2));
            }
        }
        sb.append(l.toString().stripTrailing()).append('\n');
    }
}
