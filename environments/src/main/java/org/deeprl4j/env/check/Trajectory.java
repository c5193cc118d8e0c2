package org.deeprl4j.env.check;

import java.util.ArrayList;
import java.util.List;

/**
 * What one replay of the checker's action sequence produced: per reset and step, the place, an
 * observation digest, the reward and the flags. Two trajectories of a deterministic environment
 * under the same seed and actions are equal.
 */
final class Trajectory {
    /** One reset or step; {@code outcome} names an exception when the call failed. */
    record Event(String where, long observation, double reward, boolean terminated, boolean truncated, String outcome) {
    }

    private final List<Event> events = new ArrayList<>();

    void reset(String where, Object observation) {
        events.add(new Event(where, ValueChecks.digest(observation), 0, false, false, "ok"));
    }

    void step(String where, Object observation, double reward, boolean terminated, boolean truncated) {
        events.add(new Event(where, ValueChecks.digest(observation), reward, terminated, truncated, "ok"));
    }

    void failure(String where, Throwable t) {
        events.add(new Event(where, 0, 0, false, false, "threw " + t.getClass().getSimpleName()));
    }

    /** How {@code other} first differs from this trajectory, or null when they are equal. */
    String firstDifference(Trajectory other) {
        int n = Math.min(events.size(), other.events.size());
        for (int i = 0; i < n; i++) {
            Event a = events.get(i);
            Event b = other.events.get(i);
            List<String> diffs = new ArrayList<>();
            if (!a.outcome().equals(b.outcome())) {
                diffs.add("outcome " + a.outcome() + " vs " + b.outcome());
            }
            if (a.observation() != b.observation()) {
                diffs.add("observation differs");
            }
            if (Double.doubleToLongBits(a.reward()) != Double.doubleToLongBits(b.reward())) {
                diffs.add("reward " + a.reward() + " vs " + b.reward());
            }
            if (a.terminated() != b.terminated()) {
                diffs.add("terminated " + a.terminated() + " vs " + b.terminated());
            }
            if (a.truncated() != b.truncated()) {
                diffs.add("truncated " + a.truncated() + " vs " + b.truncated());
            }
            if (!diffs.isEmpty()) {
                return "at " + a.where() + ": " + String.join(", ", diffs);
            }
        }
        if (events.size() != other.events.size()) {
            return "the runs made " + events.size() + " and " + other.events.size() + " calls";
        }
        return null;
    }
}
