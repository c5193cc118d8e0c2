package org.deeprl4j.experiments.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Renders {@link BenchResult}s as a plain-text table: one row per figure with its median, its
 * spread over repetitions (min .. max), unit, repetitions and note. Numbers are right-aligned and
 * shortened ({@code 41.81M}, {@code 175.0k}, {@code 312}, {@code 0.85}); a figure without finite
 * samples (a goal never reached) shows {@code n/a}.
 */
public final class BenchTable {
    private static final String[] HEADER = {"suite", "figure", "median", "spread (min .. max)", "unit", "reps", "note"};
    private static final boolean[] RIGHT = {false, false, true, true, false, true, false};

    private BenchTable() {
    }

    /** The table as lines ending in newlines, header first; trailing spaces trimmed. */
    public static String render(List<BenchResult> results) {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        for (BenchResult r : results) {
            rows.add(row(r));
        }
        int[] width = new int[HEADER.length];
        for (String[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                width[c] = Math.max(width[c], row[c].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < row.length; c++) {
                String pad = " ".repeat(width[c] - row[c].length());
                line.append(RIGHT[c] ? pad + row[c] : row[c] + pad).append(c + 1 < row.length ? "  " : "");
            }
            sb.append(line.toString().stripTrailing()).append('\n');
        }
        return sb.toString();
    }

    /** The cells of one figure. */
    static String[] row(BenchResult r) {
        long finite = r.samples().stream().filter(Double::isFinite).count();
        String reps = finite == r.samples().size() ? String.valueOf(finite) : finite + "/" + r.samples().size();
        String spread = finite == 0 ? "n/a" : number(r.min()) + " .. " + number(r.max());
        return new String[] {r.suite(), r.name(), number(r.median()), spread, r.unit(), reps, r.note()};
    }

    /**
     * A figure shortened to about three significant digits: {@code M} above a million, {@code k}
     * from ten thousand, whole numbers from 100, two decimals below 10 (scientific below 0.01),
     * {@code n/a} for NaN or infinity.
     */
    public static String number(double v) {
        if (!Double.isFinite(v)) {
            return "n/a";
        }
        double a = Math.abs(v);
        if (a >= 1e6) {
            return String.format(Locale.ROOT, "%.2fM", v / 1e6);
        }
        if (a >= 1e4) {
            return String.format(Locale.ROOT, "%.1fk", v / 1e3);
        }
        if (a >= 100) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        if (a >= 10) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        if (a >= 0.01 || a == 0) {
            return String.format(Locale.ROOT, "%.2f", v);
        }
        return String.format(Locale.ROOT, "%.2e", v);
    }
}
