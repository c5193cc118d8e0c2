package org.deeprl4j.env;

import java.security.SecureRandom;
import java.util.random.RandomGenerator;

/**
 * A small splittable random generator whose whole state can be saved and restored.
 *
 * <p>It is the SplitMix64 algorithm of {@link java.util.SplittableRandom} (same mixing functions,
 * same {@code split()} rule), re-implemented because checkpoints must capture and restore every
 * generator's state exactly, which {@code SplittableRandom} does not allow. One root seed is split
 * per component ({@link #split()}); library code never seeds from the clock.
 *
 * <p>Implements {@link RandomGenerator} so modules without this class (replay) can take it.
 *
 * <p>Not thread-safe: each component owns its own instance.
 */
public final class Rng implements RandomGenerator, java.io.Serializable {
    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;
    private static final double DOUBLE_UNIT = 0x1.0p-53;
    private static final float FLOAT_UNIT = 0x1.0p-24f;

    private long seed;
    private long gamma;

    /** A generator seeded with {@code seed}; equal seeds give equal streams. */
    public Rng(long seed) {
        this(seed, GOLDEN_GAMMA);
    }

    private Rng(long seed, long gamma) {
        this.seed = seed;
        this.gamma = gamma;
    }

    /** A generator seeded from operating-system entropy (used only when the user gave no seed). */
    public static Rng fromEntropy() {
        return new Rng(new SecureRandom().nextLong());
    }

    /** Restarts the stream as if this generator had been created with {@code newSeed}. */
    public void reseed(long newSeed) {
        this.seed = newSeed;
        this.gamma = GOLDEN_GAMMA;
    }

    /** The full state: {@code [seed, gamma]}; {@link #fromState(long[])} restores it. */
    public long[] state() {
        return new long[] {seed, gamma};
    }

    /** Restores a generator saved with {@link #state()}. */
    public static Rng fromState(long[] state) {
        if (state == null || state.length != 2 || (state[1] & 1L) == 0) {
            throw new IllegalArgumentException("not an Rng state: expected [seed, odd gamma]");
        }
        return new Rng(state[0], state[1]);
    }

    /** Overwrites this generator's state with one saved by {@link #state()}. */
    public void setState(long[] state) {
        Rng r = fromState(state);
        this.seed = r.seed;
        this.gamma = r.gamma;
    }

    /** A new generator with an independent stream, advancing this one (SplittableRandom's rule). */
    public Rng split() {
        return new Rng(nextLong(), mixGamma(nextSeed()));
    }

    @Override
    public long nextLong() {
        return mix64(nextSeed());
    }

    @Override
    public int nextInt() {
        return mix32(nextSeed());
    }

    /** Uniform in {@code [0, bound)}, unbiased. */
    @Override
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive, got " + bound);
        }
        int r = nextInt();
        int m = bound - 1;
        if ((bound & m) == 0) {
            return r & m;
        }
        for (int u = r >>> 1; u + m - (r = u % bound) < 0; u = nextInt() >>> 1) {
            // rejection loop, as in SplittableRandom
        }
        return r;
    }

    /** Uniform in {@code [origin, bound)}. */
    @Override
    public int nextInt(int origin, int bound) {
        if (origin >= bound) {
            throw new IllegalArgumentException("origin " + origin + " must be < bound " + bound);
        }
        return origin + nextInt(bound - origin);
    }

    /** Uniform in {@code [0, 1)} with 53 random bits. */
    @Override
    public double nextDouble() {
        return (nextLong() >>> 11) * DOUBLE_UNIT;
    }

    /** Uniform in {@code [low, high)}. */
    @Override
    public double nextDouble(double low, double high) {
        return low + (high - low) * nextDouble();
    }

    /** Uniform in {@code [0, 1)} with 24 random bits. */
    @Override
    public float nextFloat() {
        return (nextInt() >>> 8) * FLOAT_UNIT;
    }

    @Override
    public boolean nextBoolean() {
        return nextInt() < 0;
    }

    /** Standard normal (Marsaglia's polar method; the second variate is discarded so the state stays two longs). */
    @Override
    public double nextGaussian() {
        double v1;
        double v2;
        double s;
        do {
            v1 = 2 * nextDouble() - 1;
            v2 = 2 * nextDouble() - 1;
            s = v1 * v1 + v2 * v2;
        } while (s >= 1 || s == 0);
        return v1 * StrictMath.sqrt(-2 * StrictMath.log(s) / s);
    }

    /** Exponential with rate 1. */
    @Override
    public double nextExponential() {
        return -StrictMath.log1p(-nextDouble());
    }

    private long nextSeed() {
        return seed += gamma;
    }

    private static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    private static int mix32(long z) {
        z = (z ^ (z >>> 33)) * 0x62a9d9ed799705f5L;
        return (int) (((z ^ (z >>> 28)) * 0xcb24d0a5c88c35b3L) >>> 32);
    }

    private static long mixGamma(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        z = (z ^ (z >>> 33)) | 1L;
        int n = Long.bitCount(z ^ (z >>> 1));
        return (n < 24) ? z ^ 0xaaaaaaaaaaaaaaaaL : z;
    }
}
