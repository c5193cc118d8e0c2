package org.deeprl4j.env.vector;

import org.deeprl4j.env.InvalidActionException;
import org.deeprl4j.env.spaces.Space;

/**
 * A sub-environment of a {@link VectorEnv} rejected its action: the sub-environment's
 * {@link InvalidActionException} (the cause) with the index of the sub-environment.
 */
public class VectorActionException extends InvalidActionException {
    private static final long serialVersionUID = 1L;
    private final int envIndex;

    public VectorActionException(int envIndex, Object action, Space<?> space, InvalidActionException cause) {
        super(action, space);
        this.envIndex = envIndex;
        initCause(cause);
    }

    /** Index of the sub-environment that rejected the action. */
    public int envIndex() {
        return envIndex;
    }

    @Override
    public String getMessage() {
        return "sub-env " + envIndex + ": " + getCause().getMessage();
    }
}
