package org.deeprl4j.env.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Arrays;
import org.deeprl4j.env.Env;
import org.deeprl4j.env.Envs;
import org.deeprl4j.env.InvalidActionException;
import org.deeprl4j.env.Rng;
import org.deeprl4j.env.Step;
import org.deeprl4j.env.vector.VectorEnv;
import org.deeprl4j.env.vector.VectorEnvs;
import org.deeprl4j.env.vector.VectorStep;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The client: remote trajectories equal local ones bit for bit; errors are clear. */
class GymHttpEnvTest {
    private static GymHttpServer server;

    @BeforeAll
    static void start() {
        GymHttp.register();
        server = GymHttpServer.start(GymHttpServer.Options.defaults().withPort(0));
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    /** Steps remote and local envs with the same seeds and actions; asserts equal results. */
    @SuppressWarnings("unchecked")
    private static void assertSameTrajectory(String envId, int steps, long seed) {
        Rng rng = new Rng(seed);
        try (Env<Object, Object> remote = (Env<Object, Object>) Envs.make(GymHttp.id(envId, server.uri()));
             Env<Object, Object> local = (Env<Object, Object>) Envs.make(envId)) {
            assertInstanceOf(GymHttpEnv.class, remote);
            assertEquals(local.observationSpace(), remote.observationSpace());
            assertEquals(local.actionSpace(), remote.actionSpace());
            long episode = seed;
            assertArrayEquals(local.observationSpace().flatten(local.reset(episode).observation()),
                    remote.observationSpace().flatten(remote.reset(episode).observation()));
            int episodes = 0;
            for (int i = 0; i < steps; i++) {
                Object action = local.actionSpace().sample(rng);
                Step<Object> want = local.step(action);
                Step<Object> got = remote.step(action);
                float[] w = local.observationSpace().flatten(want.observation());
                float[] g = remote.observationSpace().flatten(got.observation());
                for (int k = 0; k < w.length; k++) {
                    assertEquals(Float.floatToRawIntBits(w[k]), Float.floatToRawIntBits(g[k]), "step " + i + " obs " + k);
                }
                assertEquals(Double.doubleToRawLongBits(want.reward()), Double.doubleToRawLongBits(got.reward()));
                assertEquals(want.terminated(), got.terminated(), "step " + i);
                assertEquals(want.truncated(), got.truncated(), "step " + i);
                if (want.done()) {
                    episode++;
                    episodes++;
                    assertArrayEquals(local.observationSpace().flatten(local.reset(episode).observation()),
                            remote.observationSpace().flatten(remote.reset(episode).observation()));
                }
            }
            assertTrue(episodes > 0, "the trajectory crossed episode boundaries");
        }
    }

    @Test
    void cartPoleTrajectoryIsBitExact() {
        assertSameTrajectory("CartPole-v1", 600, 11);
    }

    @Test
    void pendulumTrajectoryIsBitExact() {
        assertSameTrajectory("Pendulum-v1", 450, 5); // crosses two 200-step time limits
    }

    @Test
    void discreteObservationsArriveAsIntegers() {
        try (GymHttpEnv env = GymHttpEnv.create(server.uri(), "Identity-v0")) {
            Object obs = env.reset(1).observation();
            assertInstanceOf(Integer.class, obs);
            assertEquals(1.0, env.step(obs).reward());
        }
    }

    @Test
    void vectorEnvOverHttpEqualsLocalVectorEnv() {
        try (VectorEnv remote = VectorEnvs.make(GymHttp.id("CartPole-v1", server.uri()), 3, true);
             VectorEnv local = VectorEnvs.make("CartPole-v1", 3, false)) {
            assertArrayEquals(local.reset(21), remote.reset(21));
            Rng rng = new Rng(3);
            int[] actions = new int[3];
            for (int t = 0; t < 150; t++) {
                Arrays.setAll(actions, i -> rng.nextInt(2));
                VectorStep a = local.step(actions);
                VectorStep b = remote.step(actions);
                assertArrayEquals(a.observations(), b.observations(), "vector step " + t);
                assertArrayEquals(a.rewards(), b.rewards());
                assertArrayEquals(a.terminated(), b.terminated());
            }
        }
    }

    @Test
    void invalidActionsFailBeforeAnyRequest() {
        try (GymHttpEnv env = GymHttpEnv.create(server.uri(), "CartPole-v1")) {
            assertThrows(IllegalStateException.class, () -> env.step(0), "step before reset");
            env.reset(0);
            InvalidActionException e = assertThrows(InvalidActionException.class, () -> env.step(2));
            assertTrue(e.getMessage().contains("Discrete(2)"), e.getMessage());
            assertThrows(InvalidActionException.class, () -> env.step(new float[] {1f}));
            assertFalse(env.step(0).done(), "the episode goes on");
        }
    }

    @Test
    void serverErrorsCarryTheServerMessage() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> GymHttpEnv.create(server.uri(), "CartPol-v1"));
        assertTrue(unknown.getMessage().contains("unknown environment id"), unknown.getMessage());

        GymHttpEnv env = GymHttpEnv.create(server.uri(), "CartPole-v1");
        env.reset(0);
        new Http(server.uri()).post("/v1/envs/" + env.instanceId() + "/close/", "{}"); // closed behind its back
        GymHttpException e = assertThrows(GymHttpException.class, () -> env.step(0));
        assertEquals(400, e.status());
        assertEquals("Instance_id " + env.instanceId() + " unknown", e.serverMessage());
        env.close(); // the remote instance is gone already: logged, not thrown
    }

    @Test
    void closeClosesTheRemoteInstanceOnce() {
        GymHttpEnv env = GymHttpEnv.create(server.uri(), "CartPole-v1");
        Http http = new Http(server.uri());
        assertTrue(http.get("/v1/envs/").json().get("all_envs").has(env.instanceId()));
        env.close();
        env.close();
        assertFalse(http.get("/v1/envs/").json().get("all_envs").has(env.instanceId()));
        assertThrows(IllegalStateException.class, () -> env.reset(0));
    }

    @Test
    void unreachableServer() {
        GymHttpException e = assertThrows(GymHttpException.class,
                () -> GymHttpEnv.create(URI.create("http://127.0.0.1:1"), "CartPole-v1"));
        assertEquals(0, e.status());
    }

    @Test
    void malformedIdsAreExplained() {
        for (String bad : new String[] {"gym-http:CartPole-v1", "gym-http:@http://127.0.0.1:5000",
                "gym-http:CartPole-v1@", "gym-http:CartPole-v1@ftp://host:21", "gym-http:CartPole-v1@http://a b"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Envs.make(bad), bad);
            assertTrue(e.getMessage().contains("gym-http:"), e.getMessage());
        }
    }
}
