package org.deeprl4j.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/** Bad arguments and bad call order give clear exceptions and store nothing. */
class RolloutBufferErrorsTest {
    private static final float[] OBS = {1, 2, 3, 4};     // 2 envs x obsDim 2
    private static final float[] ACT = {0, 1};          // 2 envs x actDim 1
    private static final double[] REW = {1, 2};
    private static final boolean[] START = {false, false};
    private static final float[] VAL = {0.5f, 0.5f};
    private static final float[] LOGP = {-1, -1};

    private static RolloutBuffer buffer() {
        return new RolloutBuffer(2, 2, 1, 2);
    }

    private static <T extends Throwable> void assertMessage(Class<T> type, Executable call, String... parts) {
        T e = assertThrows(type, call);
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "message \"" + e.getMessage() + "\" lacks \"" + part + "\"");
        }
    }

    @Test
    void constructorRejectsNonPositiveSizes() {
        assertMessage(IllegalArgumentException.class, () -> new RolloutBuffer(0, 2, 1, 2), "nSteps must be > 0, got 0");
        assertMessage(IllegalArgumentException.class, () -> new RolloutBuffer(2, -1, 1, 2), "obsDim must be > 0, got -1");
        assertMessage(IllegalArgumentException.class, () -> new RolloutBuffer(2, 2, 0, 2), "actDim");
        assertMessage(IllegalArgumentException.class, () -> new RolloutBuffer(2, 2, 1, 0), "numEnvs");
        assertMessage(IllegalArgumentException.class, () -> new RolloutBuffer(1 << 20, 1 << 12, 1, 1),
                "exceeds the largest Java array");
    }

    @Test
    void addRejectsWrongLengthsNullsAndNonFiniteValuesWithoutStoring() {
        RolloutBuffer b = buffer();
        assertMessage(IllegalArgumentException.class, () -> b.add(new float[3], ACT, REW, START, VAL, LOGP),
                "obs has length 3, expected numEnvs*obsDim = 4", "numEnvs=2, obsDim=2, actDim=1");
        assertMessage(IllegalArgumentException.class, () -> b.add(OBS, new float[1], REW, START, VAL, LOGP),
                "actions has length 1, expected numEnvs*actDim = 2");
        assertMessage(IllegalArgumentException.class, () -> b.add(OBS, ACT, new double[3], START, VAL, LOGP),
                "rewards has length 3, expected numEnvs = 2");
        assertMessage(IllegalArgumentException.class, () -> b.add(OBS, ACT, REW, new boolean[1], VAL, LOGP),
                "episodeStarts has length 1");
        assertMessage(IllegalArgumentException.class, () -> b.add(OBS, ACT, REW, START, new float[0], LOGP),
                "values has length 0");
        assertMessage(IllegalArgumentException.class, () -> b.add(OBS, ACT, REW, START, VAL, null),
                "logProbs must not be null");
        assertMessage(IllegalArgumentException.class,
                () -> b.add(new float[] {1, Float.NaN, 3, 4}, ACT, REW, START, VAL, LOGP), "obs[1] is not finite: NaN");
        assertMessage(IllegalArgumentException.class,
                () -> b.add(OBS, ACT, new double[] {1, Double.POSITIVE_INFINITY}, START, VAL, LOGP), "rewards[1]");
        assertMessage(IllegalArgumentException.class,
                () -> b.add(OBS, ACT, REW, START, new float[] {Float.NaN, 0}, LOGP), "values[0]");
        assertMessage(IllegalArgumentException.class,
                () -> b.add(OBS, ACT, REW, START, VAL, new float[] {0, Float.NEGATIVE_INFINITY}), "logProbs[1]");
        assertEquals(0, b.steps(), "failed adds store nothing");
    }

    @Test
    void addingToAFullBufferFails() {
        RolloutBuffer b = buffer();
        b.add(OBS, ACT, REW, START, VAL, LOGP);
        b.add(OBS, ACT, REW, START, VAL, LOGP);
        assertMessage(IllegalStateException.class, () -> b.add(OBS, ACT, REW, START, VAL, LOGP),
                "rollout buffer is full (nSteps=2)", "reset()");
    }

    @Test
    void computeNeedsAFullBufferOnceAndValidArguments() {
        RolloutBuffer b = buffer();
        b.add(OBS, ACT, REW, START, VAL, LOGP);
        float[] last = {0, 0};
        boolean[] dones = {false, false};
        assertMessage(IllegalStateException.class, () -> b.computeReturnsAndAdvantages(last, dones, 0.99, 0.95),
                "rollout buffer not full: 1 of 2 steps added");
        b.add(OBS, ACT, REW, START, VAL, LOGP);
        assertMessage(IllegalArgumentException.class, () -> b.computeReturnsAndAdvantages(new float[3], dones, 0.99, 0.95),
                "lastValues has length 3, expected numEnvs = 2");
        assertMessage(IllegalArgumentException.class, () -> b.computeReturnsAndAdvantages(last, null, 0.99, 0.95),
                "dones must not be null");
        assertMessage(IllegalArgumentException.class,
                () -> b.computeReturnsAndAdvantages(new float[] {0, Float.NaN}, dones, 0.99, 0.95), "lastValues[1]");
        assertMessage(IllegalArgumentException.class, () -> b.computeReturnsAndAdvantages(last, dones, 1.5, 0.95),
                "gamma must be in [0, 1], got 1.5");
        assertMessage(IllegalArgumentException.class, () -> b.computeReturnsAndAdvantages(last, dones, 0.99, Double.NaN),
                "gaeLambda must be in [0, 1], got NaN");
        b.computeReturnsAndAdvantages(last, dones, 0.99, 0.95);
        assertMessage(IllegalStateException.class, () -> b.computeReturnsAndAdvantages(last, dones, 0.99, 0.95),
                "already computed", "reset()");
    }

    @Test
    void readingResultsNeedsComputedReturns() {
        RolloutBuffer b = buffer();
        b.add(OBS, ACT, REW, START, VAL, LOGP);
        b.add(OBS, ACT, REW, START, VAL, LOGP);
        SplittableRandom rng = new SplittableRandom(1);
        assertMessage(IllegalStateException.class, () -> b.minibatches(2, rng),
                "minibatches needs computeReturnsAndAdvantages first");
        assertMessage(IllegalStateException.class, b::getAll, "getAll needs computeReturnsAndAdvantages");
        assertMessage(IllegalStateException.class, () -> b.advantageAt(0, 0), "advantageAt");
        assertMessage(IllegalStateException.class, () -> b.returnAt(0, 0), "returnAt");
        b.computeReturnsAndAdvantages(new float[2], new boolean[2], 0.99, 0.95);
        assertMessage(IllegalArgumentException.class, () -> b.minibatches(0, rng), "batchSize must be > 0, got 0");
        assertMessage(IllegalArgumentException.class, () -> b.minibatches(-3, rng), "got -3");
        assertMessage(IllegalArgumentException.class, () -> b.minibatches(2, null), "rng must not be null");
        assertMessage(IllegalArgumentException.class, () -> b.advantageAt(2, 0), "step 2 outside [0, 2)");
        assertMessage(IllegalArgumentException.class, () -> b.returnAt(0, 2), "env 2 outside [0, 2)");
        assertMessage(IllegalArgumentException.class, () -> b.rewardAt(-1, 0), "step -1");
    }

    @Test
    void timeoutBootstrapChecksOrderAndArguments() {
        RolloutBuffer b = buffer();
        assertMessage(IllegalStateException.class, () -> b.addTimeoutBootstrap(0, 0.99, 1f), "no step added yet");
        b.add(OBS, ACT, REW, START, VAL, LOGP);
        assertMessage(IllegalArgumentException.class, () -> b.addTimeoutBootstrap(2, 0.99, 1f), "env 2 outside [0, 2)");
        assertMessage(IllegalArgumentException.class, () -> b.addTimeoutBootstrap(0, -0.1, 1f), "gamma must be in [0, 1]");
        assertMessage(IllegalArgumentException.class, () -> b.addTimeoutBootstrap(0, 0.99, Float.NaN),
                "finalValue is not finite: NaN");
        assertEquals(1.0, b.rewardAt(0, 0), "failed bootstraps change nothing");
        b.addTimeoutBootstrap(0, 0.5, 2f);
        assertMessage(IllegalStateException.class, () -> b.addTimeoutBootstrap(0, 0.5, 2f),
                "step 0 of env 0 was already bootstrapped");
        assertEquals(2.0, b.rewardAt(0, 0));
        b.add(OBS, ACT, REW, new boolean[] {true, false}, VAL, LOGP);
        b.computeReturnsAndAdvantages(new float[2], new boolean[2], 0.99, 0.95);
        assertMessage(IllegalStateException.class, () -> b.addTimeoutBootstrap(1, 0.5, 2f), "already computed");
    }

    @Test
    void normalizeRejectsNullAndNonFinite() {
        assertMessage(IllegalArgumentException.class, () -> Advantages.normalize((org.nd4j.linalg.api.ndarray.INDArray) null), "must not be null");
        assertMessage(IllegalArgumentException.class,
                () -> Advantages.normalize(Nd4j.create(new float[] {1, Float.NaN}, new long[] {2, 1}, DataType.FLOAT)),
                "advantages[1] is not finite");
    }
}
