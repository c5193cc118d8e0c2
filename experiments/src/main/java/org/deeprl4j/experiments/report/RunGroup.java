package org.deeprl4j.experiments.report;

import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs of one experiment: same env, env kwargs, algorithm, hyperparameters and configured length
 * ({@code n_timesteps}: a schedule such as a linear learning rate depends on it), any seeds.
 *
 * @param env env id
 * @param algo algorithm name
 * @param envKwargs env keyword arguments
 * @param hyperparameters the shared hyperparameters
 * @param nTimesteps the configured training length
 * @param runs the runs, by seed
 */
public record RunGroup(String env, String algo, Map<String, Object> envKwargs, Map<String, Object> hyperparameters,
                       long nTimesteps, List<RunFolder> runs) {
    public RunGroup {
        envKwargs = Collections.unmodifiableMap(new TreeMap<>(envKwargs));
        hyperparameters = Collections.unmodifiableMap(new TreeMap<>(hyperparameters));
        runs = runs.stream().sorted(Comparator.comparingLong(RunFolder::seed).thenComparing(r -> r.dir().toString())).toList();
    }

    /** Groups {@code runs} by (env, env kwargs, algorithm, hyperparameters, n_timesteps); groups in order of their first run. */
    public static List<RunGroup> of(List<RunFolder> runs) {
        Map<List<Object>, List<RunFolder>> byKey = new LinkedHashMap<>();
        for (RunFolder r : runs) {
            List<Object> key = List.of(r.env(), r.algo(), new TreeMap<>(r.envKwargs()), new TreeMap<>(r.hyperparameters()),
                    r.nTimesteps());
            byKey.computeIfAbsent(key, k -> new java.util.ArrayList<>()).add(r);
        }
        return byKey.values().stream().map(rs -> new RunGroup(rs.get(0).env(), rs.get(0).algo(), rs.get(0).envKwargs(),
                rs.get(0).hyperparameters(), rs.get(0).nTimesteps(), rs)).toList();
    }

    /** Mean and spread over the group's seeds. */
    public SeedStats stats() {
        return SeedStats.of(runs);
    }

    /** The group's training-return curve over seeds on {@link MeanCurve#POINTS} steps. */
    public MeanCurve curve() {
        return MeanCurve.of(runs.stream().map(RunFolder::history).toList(), MeanCurve.POINTS);
    }
}
