package org.deeprl4j.experiments.sweep;

/**
 * A deterministic slice of a sweep: shard {@code index} of {@code count} runs the trials whose
 * index modulo {@code count} is {@code index}. The {@code count} shards of a sweep are disjoint and
 * together cover every trial, so each task of a Slurm array ({@code $SLURM_ARRAY_TASK_ID}) or a
 * Kubernetes indexed job ({@code $JOB_COMPLETION_INDEX}) can run its own.
 *
 * @param index this shard, {@code 0 <= index < count}
 * @param count number of shards, at least 1
 */
public record Shard(int index, int count) {
    /** The whole sweep. */
    public static final Shard ALL = new Shard(0, 1);

    public Shard {
        if (count < 1) {
            throw new IllegalArgumentException("--shard: the number of shards must be at least 1, got " + count);
        }
        if (index < 0 || index >= count) {
            throw new IllegalArgumentException("--shard: the shard index must be in 0.." + (count - 1) + ", got " + index);
        }
    }

    /** Parses {@code i/N}. */
    public static Shard parse(String spec) {
        String s = spec == null ? "" : spec.trim();
        if (!s.matches("[0-9]{1,9}/[0-9]{1,9}")) {
            throw new IllegalArgumentException("--shard expects I/N with 0 <= I < N (e.g. 0/4), got '" + spec + "'");
        }
        int slash = s.indexOf('/');
        return new Shard(Integer.parseInt(s.substring(0, slash)), Integer.parseInt(s.substring(slash + 1)));
    }

    /** Whether trial {@code trialIndex} belongs to this shard. */
    public boolean contains(int trialIndex) {
        return trialIndex % count == index;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
