package org.deeprl4j.env.wrappers;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.LongSupplier;
import org.deeprl4j.env.Env;
import org.deeprl4j.env.Reset;
import org.deeprl4j.env.Step;

/**
 * Tracks episode returns and lengths (Gymnasium's {@code RecordEpisodeStatistics}, SB3's
 * {@code Monitor}).
 *
 * <p>On the step that ends an episode ({@code terminated} or {@code truncated}) the info map gets
 * the key {@value #INFO_KEY} holding an unmodifiable map:
 * <ul>
 *   <li>{@code "r"}: the undiscounted return ({@code Double}),</li>
 *   <li>{@code "l"}: the episode length in steps ({@code Integer}),</li>
 *   <li>{@code "t"}: seconds since this wrapper was created, rounded to 6 decimals
 *       ({@code Double}); this is SB3 {@code Monitor}'s {@code t} (the {@code monitor.csv} column).
 *       Gymnasium 1.x reports the duration of the episode instead.</li>
 * </ul>
 * The most recent {@code bufferLength} values of each are kept in queues, and total episode and
 * step counts are exposed. Time is the only clock use and is metadata: it never influences
 * observations or rewards, and the clock can be injected for tests.
 *
 * @param <O> observation type
 * @param <A> action type
 */
public class RecordEpisodeStatistics<O, A> extends Wrapper<O, A> {
    /** The info key under which episode statistics are reported. */
    public static final String INFO_KEY = "episode";
    /** Default size of the return, length and time queues (Gymnasium's default). */
    public static final int DEFAULT_BUFFER_LENGTH = 100;

    private final int bufferLength;
    private transient LongSupplier nanoClock; // after deserialization: System::nanoTime
    private long startNanos;
    private final ArrayDeque<Double> returnQueue = new ArrayDeque<>();
    private final ArrayDeque<Integer> lengthQueue = new ArrayDeque<>();
    private final ArrayDeque<Double> timeQueue = new ArrayDeque<>();
    private double episodeReturn;
    private int episodeLength;
    private long episodeCount;
    private long totalSteps;

    /** Wraps {@code env} with queues of {@value #DEFAULT_BUFFER_LENGTH} and the system clock. */
    public RecordEpisodeStatistics(Env<O, A> env) {
        this(env, DEFAULT_BUFFER_LENGTH, System::nanoTime);
    }

    /**
     * @param env the environment to wrap
     * @param bufferLength how many recent episodes the queues keep, positive
     * @param nanoClock monotonic time in nanoseconds (e.g. {@code System::nanoTime}); read at
     *     construction and at each episode end
     */
    public RecordEpisodeStatistics(Env<O, A> env, int bufferLength, LongSupplier nanoClock) {
        super(env);
        if (bufferLength <= 0) {
            throw new IllegalArgumentException("bufferLength must be positive, got " + bufferLength);
        }
        if (nanoClock == null) {
            throw new IllegalArgumentException("RecordEpisodeStatistics needs a clock, got null");
        }
        this.bufferLength = bufferLength;
        this.nanoClock = nanoClock;
        this.startNanos = nanoClock.getAsLong();
    }

    private void writeObject(java.io.ObjectOutputStream out) throws java.io.IOException {
        out.defaultWriteObject();
        out.writeLong(nanoClock.getAsLong() - startNanos); // elapsed time, so episode times continue after a restore
    }

    private void readObject(java.io.ObjectInputStream in) throws java.io.IOException, ClassNotFoundException {
        in.defaultReadObject();
        long elapsed = in.readLong();
        nanoClock = System::nanoTime;
        startNanos = nanoClock.getAsLong() - elapsed;
    }

    @Override
    public Reset<O> reset(OptionalLong seed) {
        Reset<O> r = env.reset(seed);
        episodeReturn = 0.0;
        episodeLength = 0;
        return r;
    }

    @Override
    public Step<O> step(A action) {
        Step<O> s = env.step(action);
        episodeReturn += s.reward();
        episodeLength++;
        totalSteps++;
        if (!s.done()) {
            return s;
        }
        if (s.info().containsKey(INFO_KEY)) {
            throw new IllegalStateException("RecordEpisodeStatistics: info already holds the key '" + INFO_KEY
                    + "' (is the environment wrapped twice?): " + s.info());
        }
        double seconds = Math.round((nanoClock.getAsLong() - startNanos) / 1e3) / 1e6; // microsecond precision
        Map<String, Object> episode = new LinkedHashMap<>();
        episode.put("r", episodeReturn);
        episode.put("l", episodeLength);
        episode.put("t", seconds);
        Map<String, Object> info = new LinkedHashMap<>(s.info());
        info.put(INFO_KEY, Collections.unmodifiableMap(episode));
        push(returnQueue, episodeReturn);
        push(lengthQueue, episodeLength);
        push(timeQueue, seconds);
        episodeCount++;
        return new Step<>(s.observation(), s.reward(), s.terminated(), s.truncated(), Collections.unmodifiableMap(info));
    }

    private <T> void push(ArrayDeque<T> queue, T value) {
        if (queue.size() == bufferLength) {
            queue.removeFirst();
        }
        queue.addLast(value);
    }

    /** Returns of the last (up to) {@code bufferLength} episodes, oldest first. */
    public List<Double> returnQueue() {
        return List.copyOf(returnQueue);
    }

    /** Lengths of the last (up to) {@code bufferLength} episodes, oldest first. */
    public List<Integer> lengthQueue() {
        return List.copyOf(lengthQueue);
    }

    /** The {@code t} values (seconds since creation) of the last episodes, oldest first. */
    public List<Double> timeQueue() {
        return List.copyOf(timeQueue);
    }

    /** Episodes finished since this wrapper was created. */
    public long episodeCount() {
        return episodeCount;
    }

    /** Steps taken since this wrapper was created, over all episodes. */
    public long totalSteps() {
        return totalSteps;
    }

    /** Return accumulated so far in the current episode. */
    public double episodeReturn() {
        return episodeReturn;
    }

    /** Steps taken so far in the current episode. */
    public int episodeLength() {
        return episodeLength;
    }

    public int bufferLength() {
        return bufferLength;
    }
}
