package org.deeprl4j.experiments.output;

import java.nio.file.Path;
import java.time.Instant;

/** Entry point of the child processes in {@link RunIndexTest}: {@code <index> <prefix> <count>} upserts. */
public final class RunIndexChild {
    private RunIndexChild() {
    }

    public static void main(String[] args) {
        RunIndex index = new RunIndex(Path.of(args[0]));
        int n = Integer.parseInt(args[2]);
        for (int i = 0; i < n; i++) {
            RunRecord r = new RunRecord(args[1] + "/" + i, "CartPole-v1", "dqn", i, 0, Double.NaN, Double.NaN,
                    Instant.ofEpochMilli(i), RunRecord.Status.RUNNING);
            index.upsert(r);
            index.upsert(r.with(1000, 100 + i, 200 + i, RunRecord.Status.FINISHED));
        }
    }
}
