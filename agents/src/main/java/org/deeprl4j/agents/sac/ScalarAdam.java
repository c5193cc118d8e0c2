package org.deeprl4j.agents.sac;

/**
 * Adam on one scalar parameter, exactly as {@code torch.optim.Adam} (betas 0.9/0.999, eps added
 * to the bias-corrected {@code sqrt(v)}): SAC's entropy coefficient {@code log_alpha} has its own
 * optimizer in CleanRL and SB3, and one parameter needs no ND4J.
 */
final class ScalarAdam {
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPS = 1e-8;
    private final double learningRate;
    private double m;
    private double v;
    private long t;

    ScalarAdam(double learningRate) {
        this.learningRate = learningRate;
    }

    /** The parameter after one step against {@code grad}. */
    double step(double param, double grad) {
        t++;
        m = BETA1 * m + (1 - BETA1) * grad;
        v = BETA2 * v + (1 - BETA2) * grad * grad;
        double mHat = m / (1 - Math.pow(BETA1, t));
        double vHat = v / (1 - Math.pow(BETA2, t));
        return param - learningRate * mHat / (Math.sqrt(vHat) + EPS);
    }

    /** Writes the moment estimates and step count (checkpoints). */
    void writeTo(java.io.DataOutputStream out) throws java.io.IOException {
        out.writeDouble(m);
        out.writeDouble(v);
        out.writeLong(t);
    }

    /** Restores a state written by {@link #writeTo}. */
    void readFrom(java.io.DataInputStream in) throws java.io.IOException {
        m = in.readDouble();
        v = in.readDouble();
        t = in.readLong();
    }
}
