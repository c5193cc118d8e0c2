package org.deeprl4j.env.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects findings in order; {@link #addOnce} keeps only the first finding of a kind and counts
 * the repeats, so an environment that emits NaN on every step yields one readable line.
 */
final class Findings {
    private static final class Entry {
        private final Finding first;
        private int repeats;

        Entry(Finding first) {
            this.first = first;
        }
    }

    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private int unique;

    void add(Finding f) {
        entries.put("#" + unique++, new Entry(f));
    }

    /** Adds {@code f} unless a finding with {@code key} was added before; repeats are counted. */
    void addOnce(String key, Finding f) {
        Entry e = entries.get(key);
        if (e == null) {
            entries.put(key, new Entry(f));
        } else {
            e.repeats++;
        }
    }

    List<Finding> toList() {
        List<Finding> out = new ArrayList<>(entries.size());
        for (Entry e : entries.values()) {
            Finding f = e.first;
            out.add(e.repeats == 0 ? f : new Finding(f.severity(), f.check(),
                    f.message() + " (and " + e.repeats + " more like it)"));
        }
        return out;
    }
}
