package org.deeprl4j.nn;

import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The argument checks of {@link Network}'s training and inference calls, with messages naming what is wrong. */
final class NetworkChecks {
    private NetworkChecks() {
    }

    /** {@code arrays} must hold exactly {@code expected} arrays. */
    static void checkCount(String what, INDArray[] arrays, int expected) {
        if (arrays == null || arrays.length != expected) {
            throw new IllegalArgumentException("expected " + expected + " " + what + ", got "
                    + (arrays == null ? "null" : arrays.length));
        }
    }

    /** Every array (null allowed only for label masks) must have rank >= 2 and {@code batch} rows. */
    static void checkBatch(INDArray[] arrays, long batch, String what) {
        if (arrays == null) {
            return;
        }
        for (INDArray a : arrays) {
            if (a == null && !what.equals("labelMask")) {
                throw new IllegalArgumentException(what + " must not be null");
            }
            if (a != null && (a.rank() < 2 || a.size(0) != batch)) {
                throw new IllegalArgumentException(what + " shape " + Arrays.toString(a.shape())
                        + " does not have batch size " + batch + " in dimension 0");
            }
        }
    }

    /** The row-major arrays of {@code Network.fit(float[], int, float[], float[])} must hold whole rows. */
    static void checkRows(float[] input, int rows, float[] labels, float[] labelMask) {
        if (rows <= 0 || input.length % rows != 0 || labels.length % rows != 0
                || (labelMask != null && labelMask.length % rows != 0)) {
            throw new IllegalArgumentException("input (" + input.length + " values), labels (" + labels.length
                    + ") and labelMask (" + (labelMask == null ? "null" : labelMask.length) + ") must hold whole rows of "
                    + rows + " rows");
        }
    }
}
