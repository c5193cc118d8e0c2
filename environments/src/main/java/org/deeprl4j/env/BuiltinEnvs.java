package org.deeprl4j.env;

import java.util.Map;
import org.deeprl4j.env.testing.GridWorld;
import org.deeprl4j.env.testing.IdentityEnv;
import org.deeprl4j.env.testing.IdentityEnvBox;

/** Registers the environments that ship with deeprl4j (Gymnasium's ids, limits and thresholds). */
final class BuiltinEnvs {
    private BuiltinEnvs() {
    }

    static void registerAll() {
        // Test environments (they end their own episodes, so no TimeLimit).
        Envs.register(new EnvSpec("Identity-v0", IdentityEnv::new, null, 90.0, true, Map.of()));
        Envs.register(new EnvSpec("IdentityBox-v0", IdentityEnvBox::new, null, 90.0, true, Map.of()));
        Envs.register(new EnvSpec("GridWorld-v0", GridWorld::new, 100, -5.0, true, Map.of()));
    }
}
