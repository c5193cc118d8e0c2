package org.deeprl4j.env.wrappers;

import java.util.OptionalLong;
import org.deeprl4j.env.Env;
import org.deeprl4j.env.Reset;
import org.deeprl4j.env.spaces.Box;
import org.deeprl4j.env.spaces.Space;

/**
 * Stacks the last {@code stackSize} float32 {@link Box} observations (Gymnasium 1.x's
 * {@code FrameStackObservation}).
 *
 * <p>An inner observation of shape {@code S} becomes one of shape {@code [stackSize, ...S]},
 * flat row-major, oldest frame first and the newest last; the observation space repeats the
 * inner bounds {@code stackSize} times. On {@link #reset} the older slots are padded according to
 * {@link Padding}. Each returned array is new, so callers may keep it.
 *
 * @param <A> action type
 */
public class FrameStack<A> extends ObservationWrapper<float[], A, float[]> {

    /** What fills the older slots after a reset (Gymnasium's {@code padding_type}). */
    public enum Padding {
        /** Repeat the first observation of the episode (Gymnasium's default, {@code "reset"}). */
        RESET,
        /** Zeros, moved into the bounds where 0 lies outside them (Gymnasium's {@code "zero"}). */
        ZERO
    }

    private final int stackSize;
    private final int frameSize;
    private final Padding padding;
    private final float[] zeroFrame;
    private final float[][] frames; // [stackSize][frameSize], a ring buffer
    private final Box<float[]> observationSpace;
    private int oldest;

    /** Stacks {@code stackSize} frames with {@link Padding#RESET}. */
    public FrameStack(Env<float[], A> env, int stackSize) {
        this(env, stackSize, Padding.RESET);
    }

    /**
     * @param env an environment with a float32 {@link Box} observation space
     * @param stackSize number of frames per observation, positive
     * @param padding how to fill the older slots after a reset
     */
    public FrameStack(Env<float[], A> env, int stackSize, Padding padding) {
        super(env);
        Box<float[]> inner = ClipAction.float32Box(env.observationSpace(), "FrameStack");
        if (stackSize <= 0) {
            throw new IllegalArgumentException("FrameStack stackSize must be positive, got " + stackSize);
        }
        if (padding == null) {
            throw new IllegalArgumentException("FrameStack needs a padding (RESET or ZERO), got null");
        }
        this.stackSize = stackSize;
        this.frameSize = inner.flatDim();
        this.padding = padding;
        this.frames = new float[stackSize][frameSize];
        this.zeroFrame = new float[frameSize];
        float[] low = new float[stackSize * frameSize];
        float[] high = new float[stackSize * frameSize];
        for (int i = 0; i < frameSize; i++) {
            float lo = (float) inner.low(i);
            float hi = (float) inner.high(i);
            zeroFrame[i] = Math.min(Math.max(0f, lo), hi);
            for (int k = 0; k < stackSize; k++) {
                low[k * frameSize + i] = lo;
                high[k * frameSize + i] = hi;
            }
        }
        int[] innerShape = inner.shape();
        int[] shape = new int[innerShape.length + 1];
        shape[0] = stackSize;
        System.arraycopy(innerShape, 0, shape, 1, innerShape.length);
        this.observationSpace = Box.of(low, high, shape); // [stackSize, ...innerShape]
    }

    @Override
    public Space<float[]> observationSpace() {
        return observationSpace;
    }

    @Override
    public Reset<float[]> reset(OptionalLong seed) {
        Reset<float[]> r = env.reset(seed);
        float[] first = checked(r.observation());
        float[] pad = padding == Padding.RESET ? first : zeroFrame;
        for (float[] frame : frames) {
            System.arraycopy(pad, 0, frame, 0, frameSize);
        }
        oldest = 0;
        return new Reset<>(observation(first), r.info());
    }

    /** Pushes the newest frame, dropping the oldest, and returns the stack. */
    @Override
    protected float[] observation(float[] observation) {
        System.arraycopy(checked(observation), 0, frames[oldest], 0, frameSize);
        oldest = (oldest + 1) % stackSize;
        float[] out = new float[stackSize * frameSize]; // [stackSize, frameSize]
        for (int k = 0; k < stackSize; k++) {
            System.arraycopy(frames[(oldest + k) % stackSize], 0, out, k * frameSize, frameSize);
        }
        return out;
    }

    private float[] checked(float[] observation) {
        if (observation == null || observation.length != frameSize) {
            throw new IllegalStateException("FrameStack: the wrapped environment returned an observation of "
                    + (observation == null ? "null" : observation.length + " elements") + ", expected " + frameSize);
        }
        return observation;
    }

    public int stackSize() {
        return stackSize;
    }

    public Padding padding() {
        return padding;
    }
}
