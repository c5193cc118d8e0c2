package org.deeprl4j.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RngTest {
    @Test
    void sameStreamAsSplittableRandom() {
        Rng ours = new Rng(42);
        SplittableRandom jdk = new SplittableRandom(42);
        for (int i = 0; i < 100; i++) {
            assertEquals(jdk.nextLong(), ours.nextLong());
            assertEquals(jdk.nextInt(7), ours.nextInt(7));
            assertEquals(jdk.nextDouble(), ours.nextDouble());
        }
        Rng a = ours.split();
        SplittableRandom b = jdk.split();
        for (int i = 0; i < 10; i++) {
            assertEquals(b.nextLong(), a.nextLong());
        }
    }

    @Test
    void stateRoundTrip() {
        Rng r = new Rng(3);
        r.nextGaussian();
        Rng copy = Rng.fromState(r.state());
        for (int i = 0; i < 50; i++) {
            assertEquals(r.nextGaussian(), copy.nextGaussian());
        }
        Rng other = new Rng(0);
        other.setState(r.state());
        assertEquals(r.nextLong(), other.nextLong());
        assertThrows(IllegalArgumentException.class, () -> Rng.fromState(new long[] {1, 2}));
    }

    @Test
    void gaussianMoments() {
        Rng r = new Rng(1);
        double sum = 0;
        double sq = 0;
        int n = 200_000;
        for (int i = 0; i < n; i++) {
            double g = r.nextGaussian();
            sum += g;
            sq += g * g;
        }
        assertEquals(0, sum / n, 0.01);
        assertEquals(1, sq / n, 0.01);
        assertNotEquals(new Rng(1).nextLong(), new Rng(2).nextLong());
        float f = r.nextFloat();
        assertTrue(f >= 0 && f < 1);
    }
}
