package org.deeprl4j.experiments.sweep;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One training run of a sweep.
 *
 * @param index position in the sweep (grid point major, seed minor); shards select by it
 * @param point index of the grid point
 * @param name folder name inside the sweep folder: {@code <point name>__seed<S>}
 * @param seed root seed
 * @param params grid settings passed as {@code --set key=value}
 */
public record Trial(int index, int point, String name, long seed, Map<String, String> params) {
    /** The trial's log file (its {@code train} process's stdout and stderr) inside its folder. */
    public static final String LOG = "train.log";

    public Trial {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** The trial's run folder in {@code sweepDir}. */
    public Path dir(Path sweepDir) {
        return sweepDir.resolve(name);
    }

    /** The trial's log file in {@code sweepDir}. */
    public Path log(Path sweepDir) {
        return dir(sweepDir).resolve(LOG);
    }
}
