package org.deeprl4j.nn.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationTanH;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.ILossFunction;

class MaskedLossTest {
    private static final double[][] PRED = {{0.5, -2.0, 3.0}, {1.5, 0.2, -0.7}};
    private static final double[][] LABEL = {{0.0, 1.0, 0.25}, {-1.0, 0.9, -0.6}};
    private static final double[][] MASK = {{0.0, 2.0, 0.0}, {1.0, 0.0, 0.5}};

    private static INDArray arr(double[][] v) {
        return Nd4j.createFromArray(v); // [2, 3] float64
    }

    private static double huber(double d) {
        return Math.abs(d) < 1 ? 0.5 * d * d : Math.abs(d) - 0.5;
    }

    /** Hand formula: (1/B) sum_ij m_ij l(p_ij - y_ij). */
    private static double expectedScore(DoubleUnaryOperator l, double[][] mask) {
        double s = 0;
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 3; j++) {
                s += (mask == null ? 1 : mask[i][j]) * l.applyAsDouble(PRED[i][j] - LABEL[i][j]);
            }
        }
        return s / 2;
    }

    @Test
    void mseScoreIsBatchMeanOfMaskedSquaredErrors() {
        ILossFunction mse = new MaskedMseLoss();
        double withMask = mse.computeScore(arr(LABEL), arr(PRED), new ActivationIdentity(), arr(MASK), true);
        assertEquals(expectedScore(d -> d * d, MASK), withMask, 1e-12);
        double noMask = mse.computeScore(arr(LABEL), arr(PRED), new ActivationIdentity(), null, true);
        assertEquals(expectedScore(d -> d * d, null), noMask, 1e-12);
        // one-hot mask == F.mse_loss on the chosen entries: ((-2-1)^2 + (1.5+1)^2) / 2
        double[][] oneHot = {{0, 1, 0}, {1, 0, 0}};
        assertEquals((9.0 + 6.25) / 2, mse.computeScore(arr(LABEL), arr(PRED), new ActivationIdentity(),
                arr(oneHot), true), 1e-12);
    }

    @Test
    void huberScoreMatchesSmoothL1() {
        ILossFunction huber = new MaskedHuberLoss();
        double s = huber.computeScore(arr(LABEL), arr(PRED), new ActivationIdentity(), arr(MASK), true);
        assertEquals(expectedScore(MaskedLossTest::huber, MASK), s, 1e-12);
        INDArray perExample = huber.computeScoreArray(arr(LABEL), arr(PRED), new ActivationIdentity(), arr(MASK));
        assertArrayEquals(new long[] {2, 1}, perExample.shape());
        assertEquals(2 * s, perExample.sumNumber().doubleValue(), 1e-12);
    }

    @Test
    void gradientsAreMaskTimesDerivativeOnce() {
        INDArray mseGrad = new MaskedMseLoss().computeGradient(arr(LABEL), arr(PRED), new ActivationIdentity(), arr(MASK));
        INDArray huberGrad = new MaskedHuberLoss().computeGradient(arr(LABEL), arr(PRED), new ActivationIdentity(),
                arr(MASK));
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 3; j++) {
                double d = PRED[i][j] - LABEL[i][j];
                assertEquals(MASK[i][j] * 2 * d, mseGrad.getDouble(i, j), 1e-12);
                assertEquals(MASK[i][j] * Math.max(-1, Math.min(1, d)), huberGrad.getDouble(i, j), 1e-12);
            }
        }
    }

    @Test
    void gradientsMatchNumericDerivativeThroughTanh() {
        for (ILossFunction loss : new ILossFunction[] {new MaskedMseLoss(), new MaskedHuberLoss(), new MaskedHuberLoss(0.3)}) {
            for (INDArray mask : new INDArray[] {arr(MASK), null, Nd4j.createFromArray(new double[][] {{0.5}, {2.0}})}) {
                checkNumeric(loss, new ActivationTanH(), mask);
                checkNumeric(loss, new ActivationIdentity(), mask);
            }
        }
    }

    private static void checkNumeric(ILossFunction loss, IActivation act, INDArray mask) {
        INDArray pre = arr(PRED);
        INDArray grad = loss.computeGradient(arr(LABEL), pre.dup(), act, mask);
        var pair = loss.computeGradientAndScore(arr(LABEL), pre.dup(), act, mask, false);
        assertEquals(0, grad.distance2(pair.getSecond()), 1e-12);
        double h = 1e-6;
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 3; j++) {
                INDArray plus = pre.dup();
                plus.putScalar(i, j, PRED[i][j] + h);
                INDArray minus = pre.dup();
                minus.putScalar(i, j, PRED[i][j] - h);
                double numeric = (loss.computeScore(arr(LABEL), plus, act, mask, false)
                        - loss.computeScore(arr(LABEL), minus, act, mask, false)) / (2 * h);
                assertEquals(numeric, grad.getDouble(i, j), 1e-6, loss + " " + act + " at " + i + "," + j);
            }
        }
    }

    @Test
    void rejectsBadShapesAndDelta() {
        INDArray badMask = Nd4j.ones(2, 2);
        assertThrows(IllegalArgumentException.class, () -> new MaskedMseLoss()
                .computeScore(arr(LABEL), arr(PRED), new ActivationIdentity(), badMask, true));
        assertThrows(IllegalArgumentException.class, () -> new MaskedMseLoss()
                .computeGradient(Nd4j.ones(2, 2), arr(PRED), new ActivationIdentity(), null));
        assertThrows(IllegalArgumentException.class, () -> new MaskedHuberLoss(0));
        assertThrows(IllegalArgumentException.class, () -> new MaskedHuberLoss(Double.NaN));
    }
}
