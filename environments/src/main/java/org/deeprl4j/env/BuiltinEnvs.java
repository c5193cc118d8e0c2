package org.deeprl4j.env;

/** Registers the environments that ship with deeprl4j (Gymnasium's ids and limits). */
final class BuiltinEnvs {
    private BuiltinEnvs() {
    }

    static void registerAll() {
        // filled in as the built-in environments land
    }
}
