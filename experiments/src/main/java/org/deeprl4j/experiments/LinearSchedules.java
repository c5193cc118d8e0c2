package org.deeprl4j.experiments;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.deeprl4j.agents.ConfigBinder;

/**
 * rl-baselines3-zoo's {@code lin_<x>} values: {@code learning_rate: lin_1e-3} means "start at 1e-3
 * and decay linearly to 0 over training". A config record supports it for a key {@code k} when it
 * has a schedule flag for it ({@code lr_schedule} for {@code learning_rate}, {@code k_schedule}
 * otherwise, e.g. {@code clip_range_schedule}); the value becomes {@code x} and the flag {@code linear}.
 */
public final class LinearSchedules {
    /** Prefix of a linear-schedule value. */
    public static final String PREFIX = "lin_";

    private LinearSchedules() {
    }

    /**
     * {@code values} with every {@code lin_<x>} expanded.
     *
     * @param where names the place of a key in messages (a file line, or {@code --set})
     */
    public static Map<String, Object> expand(Map<String, Object> values, Class<? extends Record> type,
                                             Function<String, String> where) {
        Map<String, Object> out = new LinkedHashMap<>(values);
        List<String> keys = ConfigBinder.keys(type);
        for (Map.Entry<String, Object> e : values.entrySet()) {
            if (!(e.getValue() instanceof String s) || !s.startsWith(PREFIX)) {
                continue;
            }
            String key = e.getKey();
            String flag = scheduleKey(key);
            if (!keys.contains(flag)) {
                List<String> scheduled = new ArrayList<>();
                for (String k : keys) {
                    if (k.endsWith("_schedule")) {
                        scheduled.add(k.equals("lr_schedule") ? "learning_rate" : k.substring(0, k.length() - "_schedule".length()));
                    }
                }
                throw new IllegalArgumentException(where.apply(key) + ": '" + key + "' does not take a " + PREFIX
                        + "schedule for " + type.getSimpleName() + "; keys that do: "
                        + (scheduled.isEmpty() ? "none" : String.join(", ", scheduled)));
            }
            String number = s.substring(PREFIX.length());
            try {
                out.put(key, Double.parseDouble(number));
            } catch (NumberFormatException ex) {
                throw new IllegalArgumentException(where.apply(key) + ": '" + key + "': cannot read '" + number
                        + "' in " + s + " as a number (expected e.g. " + PREFIX + "1e-3)");
            }
            out.put(flag, "linear");
        }
        return out;
    }

    private static String scheduleKey(String key) {
        return key.equals("learning_rate") ? "lr_schedule" : key + "_schedule";
    }
}
