package org.deeprl4j.env;

import org.deeprl4j.env.spaces.Space;
import org.deeprl4j.env.spaces.Spaces;

/** Thrown by {@link Env#step} when the action is not inside the action space. */
public class InvalidActionException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidActionException(Object action, Space<?> space) {
        super("action " + Spaces.format(action) + " is not in the action space " + space);
    }
}
