package org.deeprl4j.env;

/** Creates an environment from keyword arguments (read them with {@link Kwargs}'s typed getters). */
@FunctionalInterface
public interface EnvFactory {
    Env<?, ?> create(Kwargs kwargs);
}
