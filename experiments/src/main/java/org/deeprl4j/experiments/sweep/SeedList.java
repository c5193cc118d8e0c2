package org.deeprl4j.experiments.sweep;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Parses seed lists: {@code 0-4} (inclusive range), {@code 1,3,5}, or a mix such as {@code 0-2,10}. */
public final class SeedList {
    /** Most seeds one list may name. */
    public static final int MAX_SEEDS = 10_000;

    private SeedList() {
    }

    /**
     * The seeds of {@code spec} in the order written.
     *
     * @throws IllegalArgumentException naming the bad item: not a non-negative integer or range,
     *     a range running backwards, a seed listed twice, or more than {@value #MAX_SEEDS} seeds
     */
    public static List<Long> parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("--seeds must not be empty (e.g. 0-4 or 1,3,5)");
        }
        Set<Long> seeds = new LinkedHashSet<>();
        for (String raw : spec.split(",", -1)) {
            String item = raw.trim();
            int dash = item.indexOf('-', 1);
            long from;
            long to;
            if (dash > 0) {
                from = number(item.substring(0, dash), item, spec);
                to = number(item.substring(dash + 1), item, spec);
                if (to < from) {
                    throw new IllegalArgumentException("--seeds: range '" + item + "' runs backwards (write " + to + "-" + from + ")");
                }
            } else {
                from = number(item, item, spec);
                to = from;
            }
            if (to - from >= MAX_SEEDS || seeds.size() + (to - from + 1) > MAX_SEEDS) {
                throw new IllegalArgumentException("--seeds '" + spec + "' names more than " + MAX_SEEDS + " seeds");
            }
            for (long s = from; s <= to; s++) {
                if (!seeds.add(s)) {
                    throw new IllegalArgumentException("--seeds '" + spec + "' lists seed " + s + " twice");
                }
            }
        }
        return new ArrayList<>(seeds);
    }

    private static long number(String text, String item, String spec) {
        String t = text.trim();
        if (!t.matches("[0-9]{1,18}")) {
            throw new IllegalArgumentException("--seeds: '" + item + "' in '" + spec
                    + "' is not a seed (non-negative integer) or a range A-B (e.g. 0-4 or 1,3,5)");
        }
        return Long.parseLong(t);
    }
}
