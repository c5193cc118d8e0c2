package org.deeprl4j.env.vector;

/**
 * A sub-environment of a {@link VectorEnv} failed during reset, step or close; the cause is the
 * sub-environment's exception and {@link #envIndex()} says which one.
 */
public class VectorEnvException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int envIndex;

    public VectorEnvException(int envIndex, String operation, Throwable cause) {
        super("sub-env " + envIndex + " failed in " + operation + ": " + cause, cause);
        this.envIndex = envIndex;
    }

    /** Index of the sub-environment that failed. */
    public int envIndex() {
        return envIndex;
    }
}
