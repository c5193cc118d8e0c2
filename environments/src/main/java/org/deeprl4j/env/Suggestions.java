package org.deeprl4j.env;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** "Did you mean" suggestions by edit distance, for ids, keys and option names. */
public final class Suggestions {
    private Suggestions() {
    }

    /**
     * Candidates closest to {@code input} (case-insensitive Damerau-free Levenshtein distance at
     * most a third of the longer string, or sharing a prefix), best first, at most {@code max}.
     */
    public static List<String> closest(String input, Collection<String> candidates, int max) {
        String in = input.toLowerCase(Locale.ROOT);
        List<String> scored = new ArrayList<>();
        for (String c : candidates) {
            String lc = c.toLowerCase(Locale.ROOT);
            int d = distance(in, lc);
            boolean prefix = !in.isEmpty() && (lc.startsWith(in) || in.startsWith(lc.replaceAll("-v\\d+$", "")));
            if (d <= Math.max(2, Math.max(in.length(), lc.length()) / 3) || prefix) {
                scored.add(c);
            }
        }
        scored.sort(Comparator.comparingInt((String c) -> distance(in, c.toLowerCase(Locale.ROOT))).thenComparing(c -> c));
        return scored.subList(0, Math.min(max, scored.size()));
    }

    /** " (did you mean: a, b?)" or "" when nothing is close. */
    public static String didYouMean(String input, Collection<String> candidates) {
        List<String> c = closest(input, candidates, 3);
        return c.isEmpty() ? "" : " (did you mean: " + String.join(", ", c) + "?)";
    }

    /** Levenshtein edit distance. */
    public static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
