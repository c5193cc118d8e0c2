package org.deeprl4j.experiments.sweep;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The trials of a sweep: every grid point times every seed, grid point major. Trial names are
 * deterministic, so a re-run or another shard finds the same folders: {@code key=value,...__seed<S>}
 * ({@code seed<S>} without a grid), with characters other than letters, digits and {@code . _ = , + -}
 * replaced by {@code _} and long names shortened with a hash.
 *
 * @param seeds the seeds
 * @param grid the grid
 * @param trials the trials, by index
 */
public record SweepPlan(List<Long> seeds, Grid grid, List<Trial> trials) {
    /** Longest point name kept whole. */
    static final int MAX_NAME = 120;

    public SweepPlan {
        seeds = List.copyOf(seeds);
        trials = List.copyOf(trials);
    }

    /**
     * Expands seeds times grid points.
     *
     * @throws IllegalArgumentException when there are no seeds or two grid points get the same name
     */
    public static SweepPlan of(List<Long> seeds, Grid grid) {
        if (seeds.isEmpty()) {
            throw new IllegalArgumentException("a sweep needs at least one seed");
        }
        List<Trial> trials = new ArrayList<>();
        Map<String, Map<String, String>> names = new HashMap<>();
        List<Map<String, String>> points = grid.points();
        for (int p = 0; p < points.size(); p++) {
            Map<String, String> point = points.get(p);
            String pointName = pointName(point);
            Map<String, String> clash = names.putIfAbsent(pointName, point);
            if (clash != null) {
                throw new IllegalArgumentException("--grid points " + clash + " and " + point + " get the same folder name '"
                        + pointName + "'; write the values differently");
            }
            for (long seed : seeds) {
                String name = point.isEmpty() ? "seed" + seed : pointName + "__seed" + seed;
                trials.add(new Trial(trials.size(), p, name, seed, point));
            }
        }
        return new SweepPlan(seeds, grid, trials);
    }

    /** The folder-safe name of a grid point ({@code default} for the empty point). */
    public static String pointName(Map<String, String> point) {
        if (point.isEmpty()) {
            return "default";
        }
        StringJoiner j = new StringJoiner(",");
        point.forEach((k, v) -> j.add(k + "=" + v));
        String raw = j.toString();
        String safe = raw.replaceAll("[^A-Za-z0-9._=,+-]", "_");
        if (safe.length() > MAX_NAME) {
            safe = safe.substring(0, MAX_NAME - 9) + "~" + String.format("%08x", raw.hashCode());
        }
        return safe;
    }

    /** The trials of {@code shard}. */
    public List<Trial> shard(Shard shard) {
        return trials.stream().filter(t -> shard.contains(t.index())).toList();
    }

    /** The trials of grid point {@code point}. */
    public List<Trial> trialsOf(int point) {
        return trials.stream().filter(t -> t.point() == point).toList();
    }
}
