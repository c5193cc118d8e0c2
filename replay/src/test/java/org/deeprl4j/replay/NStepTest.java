package org.deeprl4j.replay;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** N-step windows against hand-computed values. One env: obs = t, nextObs = t + 1, action = 10 + t. */
class NStepTest {
    private static final float TOL = 1e-5f;

    private static void step(UniformReplayBuffer b, int t, double reward, boolean term, boolean trunc) {
        b.add(new float[] {t}, new float[] {10 + t}, new double[] {reward}, new float[] {t + 1},
                new boolean[] {term}, new boolean[] {trunc});
    }

    private static void assertSlot(BaseReplayBuffer b, int slot, float obs, float action, double reward,
                                   float nextObs, boolean done, double discount) {
        StoredSlot s = StoredSlot.read(b, slot);
        assertEquals(obs, s.obs()[0], "obs of slot " + slot);
        assertEquals(action, s.action()[0], "action of slot " + slot);
        assertEquals(reward, s.reward(), TOL, "reward of slot " + slot);
        assertEquals(nextObs, s.nextObs()[0], "nextObs of slot " + slot);
        assertEquals(done, s.done(), "done of slot " + slot);
        assertEquals(discount, s.discount(), TOL, "discount of slot " + slot);
    }

    @Test
    void terminationFlushesShortenedWindowsAsTerminal() {
        UniformReplayBuffer b = new UniformReplayBuffer(16, 1, 1, 1, new NStep(3, 0.9));
        step(b, 0, 1, false, false);
        step(b, 1, 2, false, false);
        assertEquals(0, b.size());
        assertEquals(2, b.pending(0));
        step(b, 2, 3, false, false);
        assertEquals(1, b.size());
        assertSlot(b, 0, 0, 10, 1 + 0.9 * 2 + 0.81 * 3, 3, false, 0.729); // 5.23
        step(b, 3, 4, false, false);
        assertSlot(b, 1, 1, 11, 2 + 0.9 * 3 + 0.81 * 4, 4, false, 0.729); // 7.94
        step(b, 4, 5, true, false);
        assertEquals(5, b.size());
        assertEquals(0, b.pending(0));
        assertSlot(b, 2, 2, 12, 3 + 0.9 * 4 + 0.81 * 5, 5, true, 0.729); // 10.65
        assertSlot(b, 3, 3, 13, 4 + 0.9 * 5, 5, true, 0.81);              // 8.5
        assertSlot(b, 4, 4, 14, 5, 5, true, 0.9);
        assertEquals(5, b.added());
    }

    @Test
    void truncationFlushesWindowsThatBootstrapFromFinalObservation() {
        UniformReplayBuffer b = new UniformReplayBuffer(16, 1, 1, 1, new NStep(3, 0.9));
        for (int t = 0; t < 4; t++) {
            step(b, t, t + 1, false, false);
        }
        step(b, 4, 5, false, true);
        assertSlot(b, 2, 2, 12, 10.65, 5, false, 0.729);
        assertSlot(b, 3, 3, 13, 8.5, 5, false, 0.81);
        assertSlot(b, 4, 4, 14, 5, 5, false, 0.9);
    }

    @Test
    void episodeShorterThanNAndWindowsNeverCrossEpisodes() {
        UniformReplayBuffer b = new UniformReplayBuffer(16, 1, 1, 1, new NStep(5, 0.5));
        step(b, 0, 4, false, false);
        step(b, 1, 8, true, false); // episode of 2 steps, n = 5
        assertEquals(2, b.size());
        assertSlot(b, 0, 0, 10, 4 + 0.5 * 8, 2, true, 0.25);
        assertSlot(b, 1, 1, 11, 8, 2, true, 0.5);
        // next episode: 6 steps, truncated; its first window must not see the previous rewards
        for (int t = 2; t < 7; t++) {
            step(b, t, 1, false, false);
        }
        assertEquals(3, b.size());
        assertSlot(b, 2, 2, 12, 1 + 0.5 + 0.25 + 0.125 + 0.0625, 7, false, 0.03125);
        step(b, 7, 2, false, true);
        assertEquals(8, b.size());
        assertSlot(b, 3, 3, 13, 1 + 0.5 + 0.25 + 0.125 + 0.0625 * 2, 8, false, 0.03125);
        assertSlot(b, 7, 7, 17, 2, 8, false, 0.5);
    }

    @Test
    void oneStepTransitionsKeepGammaAsDiscount() {
        UniformReplayBuffer b = new UniformReplayBuffer(4, 1, 1, 1, NStep.oneStep(0.99));
        step(b, 0, 1.5, false, false);
        step(b, 1, -2, true, true); // both flags: terminal wins
        assertSlot(b, 0, 0, 10, 1.5, 1, false, 0.99);
        assertSlot(b, 1, 1, 11, -2, 2, true, 0.99);
    }

    @Test
    void twoEnvsInterleavedKeepSeparateWindows() {
        // obs = [env, step], nextObs = [env, step + 1], action = 10 * env + step, n = 2, gamma = 0.5
        UniformReplayBuffer b = new UniformReplayBuffer(16, 2, 1, 2, new NStep(2, 0.5));
        addTwo(b, 0, new double[] {1, 10}, new boolean[] {false, false}, new boolean[] {false, false});
        assertEquals(0, b.size());
        addTwo(b, 1, new double[] {2, 20}, new boolean[] {true, false}, new boolean[] {false, false});
        addTwo(b, 2, new double[] {3, 30}, new boolean[] {false, false}, new boolean[] {false, true});
        addTwo(b, 3, new double[] {4, 40}, new boolean[] {false, false}, new boolean[] {false, false});
        assertEquals(6, b.size());
        assertEquals(1, b.pending(0));
        assertEquals(1, b.pending(1));
        // step 1: env 0 terminated -> flush (t0, t1); env 1 completes its first window
        assertTwo(b, 0, 0, 0, 1 + 0.5 * 2, 2, true, 0.25);
        assertTwo(b, 1, 0, 1, 2, 2, true, 0.5);
        assertTwo(b, 2, 1, 0, 10 + 0.5 * 20, 2, false, 0.25);
        // step 2: env 1 truncated -> flush (t1, t2), not terminal
        assertTwo(b, 3, 1, 1, 20 + 0.5 * 30, 3, false, 0.25);
        assertTwo(b, 4, 1, 2, 30, 3, false, 0.5);
        // step 3: env 0's new episode (started at step 2) completes its first window
        assertTwo(b, 5, 0, 2, 3 + 0.5 * 4, 4, false, 0.25);
    }

    private static void addTwo(UniformReplayBuffer b, int t, double[] r, boolean[] term, boolean[] trunc) {
        b.add(new float[] {0, t, 1, t}, new float[] {t, 10 + t}, r, new float[] {0, t + 1, 1, t + 1}, term, trunc);
    }

    private static void assertTwo(BaseReplayBuffer b, int slot, int env, int t, double reward,
                                  int nextT, boolean done, double discount) {
        StoredSlot s = StoredSlot.read(b, slot);
        assertArrayEquals(new float[] {env, t}, s.obs(), "obs of slot " + slot);
        assertEquals(10 * env + t, s.action()[0], "action of slot " + slot);
        assertEquals(reward, s.reward(), TOL, "reward of slot " + slot);
        assertArrayEquals(new float[] {env, nextT}, s.nextObs(), "nextObs of slot " + slot);
        assertEquals(done, s.done(), "done of slot " + slot);
        assertEquals(discount, s.discount(), TOL, "discount of slot " + slot);
    }

    /** Random episodes on 3 envs against a naive reference that sees each whole episode. */
    @Test
    void matchesNaiveReferenceOnRandomEpisodes() {
        int envs = 3;
        int n = 4;
        double gamma = 0.8;
        UniformReplayBuffer b = new UniformReplayBuffer(10_000, 1, 1, envs, new NStep(n, gamma));
        SplittableRandom rng = new SplittableRandom(7);
        List<List<double[]>> episode = new ArrayList<>(); // per env: {t, reward}
        List<List<StoredSlot>> expected = new ArrayList<>();
        for (int e = 0; e < envs; e++) {
            episode.add(new ArrayList<>());
            expected.add(new ArrayList<>());
        }
        for (int t = 0; t < 600; t++) {
            float[] obs = new float[envs];
            float[] next = new float[envs];
            double[] r = new double[envs];
            boolean[] term = new boolean[envs];
            boolean[] trunc = new boolean[envs];
            for (int e = 0; e < envs; e++) {
                obs[e] = 1000 * e + t;
                next[e] = 1000 * e + t + 1;
                r[e] = rng.nextInt(-3, 4);
                term[e] = rng.nextInt(12) == 0;
                trunc[e] = !term[e] && rng.nextInt(15) == 0;
                episode.get(e).add(new double[] {t, r[e]});
                if (term[e] || trunc[e]) {
                    expected.get(e).addAll(reference(episode.get(e), e, n, gamma, term[e], true));
                    episode.get(e).clear();
                }
            }
            b.add(obs, obs, r, next, term, trunc);
        }
        for (int e = 0; e < envs; e++) {
            expected.get(e).addAll(reference(episode.get(e), e, n, gamma, false, false));
        }
        List<List<StoredSlot>> got = new ArrayList<>();
        for (int e = 0; e < envs; e++) {
            got.add(new ArrayList<>());
        }
        for (int slot = 0; slot < b.size(); slot++) {
            StoredSlot s = StoredSlot.read(b, slot);
            got.get((int) (s.obs()[0] / 1000)).add(s);
        }
        for (int e = 0; e < envs; e++) {
            assertEquals(expected.get(e).size(), got.get(e).size(), "transitions of env " + e);
            for (int i = 0; i < got.get(e).size(); i++) {
                StoredSlot x = expected.get(e).get(i);
                StoredSlot y = got.get(e).get(i);
                String what = "env " + e + " transition " + i;
                assertEquals(x.obs()[0], y.obs()[0], what);
                assertEquals(x.obs()[0], y.action()[0], what);
                assertEquals(x.reward(), y.reward(), TOL, what);
                assertEquals(x.nextObs()[0], y.nextObs()[0], what);
                assertEquals(x.done(), y.done(), what);
                assertEquals(x.discount(), y.discount(), TOL, what);
            }
        }
    }

    /** All windows of one episode (or of the unfinished part, where only full windows exist). */
    private static List<StoredSlot> reference(List<double[]> steps, int env, int n, double gamma,
                                              boolean terminated, boolean ended) {
        List<StoredSlot> out = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            int k = Math.min(n, steps.size() - i);
            if (!ended && k < n) {
                break;
            }
            double ret = 0;
            for (int j = 0; j < k; j++) {
                ret += Math.pow(gamma, j) * steps.get(i + j)[1];
            }
            boolean done = terminated && i + k == steps.size();
            float obs = (float) (1000 * env + steps.get(i)[0]);
            float next = (float) (1000 * env + steps.get(i + k - 1)[0] + 1);
            out.add(new StoredSlot(new float[] {obs}, new float[] {obs}, (float) ret, new float[] {next},
                    done, (float) Math.pow(gamma, k)));
        }
        return out;
    }

    @Test
    void badConfigIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new NStep(0, 0.9));
        assertThrows(IllegalArgumentException.class, () -> new NStep(3, 1.5));
        assertThrows(IllegalArgumentException.class, () -> new NStep(3, -0.1));
        assertThrows(IllegalArgumentException.class, () -> new NStep(3, Double.NaN));
    }
}
