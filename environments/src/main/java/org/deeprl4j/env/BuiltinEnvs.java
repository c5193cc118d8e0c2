package org.deeprl4j.env;

import java.util.Map;
import org.deeprl4j.env.classic.Acrobot;
import org.deeprl4j.env.classic.CartPole;
import org.deeprl4j.env.classic.MountainCar;
import org.deeprl4j.env.classic.MountainCarContinuous;
import org.deeprl4j.env.classic.Pendulum;
import org.deeprl4j.env.http.GymHttp;
import org.deeprl4j.env.testing.GridWorld;
import org.deeprl4j.env.testing.IdentityEnv;
import org.deeprl4j.env.testing.IdentityEnvBox;

/** Registers the environments that ship with deeprl4j (Gymnasium's ids, limits and thresholds). */
final class BuiltinEnvs {
    private BuiltinEnvs() {
    }

    static void registerAll() {
        // Classic control, as Gymnasium 1.x registers it.
        Envs.register(EnvSpec.of("CartPole-v0", CartPole::new, 200, 195.0));
        Envs.register(EnvSpec.of("CartPole-v1", CartPole::new, 500, 475.0));
        Envs.register(EnvSpec.of("MountainCar-v0", MountainCar::new, 200, -110.0));
        Envs.register(EnvSpec.of("MountainCarContinuous-v0", MountainCarContinuous::new, 999, 90.0));
        Envs.register(EnvSpec.of("Acrobot-v1", Acrobot::new, 500, -100.0));
        Envs.register(EnvSpec.of("Pendulum-v1", Pendulum::new, 200, null));
        // Test environments (they end their own episodes, so no TimeLimit).
        Envs.register(new EnvSpec("Identity-v0", IdentityEnv::new, null, 90.0, true, Map.of()));
        Envs.register(new EnvSpec("IdentityBox-v0", IdentityEnvBox::new, null, 90.0, true, Map.of()));
        Envs.register(new EnvSpec("GridWorld-v0", GridWorld::new, 100, -5.0, true, Map.of()));
        // Remote envs: gym-http:ENV_ID@URL
        GymHttp.register();
    }
}
