package org.deeprl4j.agents.ppo;

import org.deeprl4j.nn.dist.Categorical;
import org.deeprl4j.nn.dist.DiagGaussian;
import org.deeprl4j.replay.Advantages;
import org.deeprl4j.replay.RolloutBatch;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The actor-critic loss of PPO and A2C on one minibatch, as SB3 computes it
 * ({@code loss = policy_loss + ent_coef * entropy_loss + vf_coef * value_loss}, with
 * {@code entropy_loss = -mean(H)} and {@code value_loss = mean((R - V)^2)}), with its gradients
 * with respect to the network outputs for {@link org.deeprl4j.nn.Network#stepExternal}. Policy
 * loss: PPO's clipped surrogate {@code mean(max(-A r, -A clip(r, 1 - eps, 1 + eps)))} with
 * {@code r = exp(logp - old_logp)}, or with {@code clipRange = 0} the vanilla policy gradient
 * {@code -mean(A logp)} (A2C, Mnih et al. 2016). Pure computation: the network is not touched.
 */
public final class ActorCriticLoss {
    private ActorCriticLoss() {
    }

    /**
     * @param clipRange surrogate clipping epsilon; 0 = vanilla policy gradient (A2C)
     * @param clipRangeVf value clipping around the rollout values; 0 = off
     * @param entCoef entropy bonus coefficient
     * @param vfCoef value loss coefficient
     * @param normalizeAdvantage normalize advantages within the minibatch
     */
    public record Settings(double clipRange, double clipRangeVf, double entCoef, double vfCoef,
                           boolean normalizeAdvantage) {
    }

    /**
     * Loss terms of one minibatch and {@code dL/d(output)} per network output, in output order.
     *
     * @param approxKl {@code mean((r - 1) - log r)}, the low-variance KL estimator (Schulman's blog)
     * @param clipFraction fraction of rows whose ratio is outside {@code [1 - eps, 1 + eps]}
     * @param entropy mean policy entropy (positive, CleanRL's {@code losses/entropy})
     */
    public record Result(double loss, double policyLoss, double valueLoss, double entropy, double approxKl,
                         double clipFraction, INDArray[] gradients) {
    }

    /** Per-row gradients of the scalar loss w.r.t. log-probs, entropies and values (1/B included). */
    record Terms(double loss, double policyLoss, double valueLoss, double entropy, double approxKl, double clipFraction,
                 double[] dLogProb, double[] dEntropy, double[] dValue) {
    }

    /**
     * Evaluates the loss on the outputs of {@link org.deeprl4j.nn.Network#trainForward} for batch
     * {@code b}: {@code [logits, value]} (discrete) or {@code [mean, log_std, value]} (Box).
     */
    public static Result evaluate(INDArray[] outputs, RolloutBatch b, boolean discrete, Settings s) {
        int batch = b.batchSize();
        double[] actions = doubles(b.actions()); // [B * actDim]
        double[] logp;
        double[] entropy;
        Categorical cat = null;
        DiagGaussian gauss = null;
        int[] discreteActions = null;
        if (discrete) {
            cat = new Categorical(outputs[0]);
            discreteActions = new int[batch];
            for (int i = 0; i < batch; i++) {
                discreteActions[i] = (int) Math.round(actions[i]);
            }
            logp = cat.logProb(discreteActions);
            entropy = cat.entropy();
        } else {
            gauss = new DiagGaussian(outputs[0], outputs[1]);
            logp = gauss.logProb(actions); // log-prob of the unclipped sampled actions
            entropy = gauss.entropy();
        }
        // advantage normalization per minibatch (PPO detail #7); A2C leaves it off by default
        float[] adv = org.deeprl4j.nn.NdArrays.floats(b.advantages()); // [B]
        if (s.normalizeAdvantage()) {
            adv = Advantages.normalize(adv);
        }
        Terms t = terms(logp, entropy, doubles(outputs[outputs.length - 1]), doubles(b.oldLogProbs()),
                doubles(b.oldValues()), org.deeprl4j.nn.NdArrays.widen(adv), doubles(b.returns()), s);
        INDArray dValue = Nd4j.create(t.dValue(), new long[] {batch, 1}, 'c').castTo(outputs[outputs.length - 1].dataType()); // [B, 1]
        INDArray[] grads;
        if (discrete) {
            grads = new INDArray[] {cat.backward(discreteActions, t.dLogProb(), t.dEntropy()), dValue};
        } else {
            INDArray[] g = gauss.backward(actions, t.dLogProb(), t.dEntropy()); // dL/dmean, dL/dlog_std
            grads = new INDArray[] {g[0], g[1], dValue};
        }
        return new Result(t.loss(), t.policyLoss(), t.valueLoss(), t.entropy(), t.approxKl(), t.clipFraction(), grads);
    }

    /** The loss from per-row quantities, in plain Java (double precision). */
    static Terms terms(double[] logp, double[] entropy, double[] values, double[] oldLogp, double[] oldValues,
                       double[] adv, double[] returns, Settings s) {
        int n = logp.length;
        double[] dLogp = new double[n];
        double[] dEnt = new double[n];
        double[] dV = new double[n];
        double pg = 0;
        double vl = 0;
        double ent = 0;
        double kl = 0;
        double clipped = 0;
        double eps = s.clipRange();
        for (int i = 0; i < n; i++) {
            double logRatio = logp[i] - oldLogp[i];
            double ratio = Math.exp(logRatio);
            if (eps > 0) {
                // clipped surrogate (PPO detail #8): the pessimistic max of the two losses; when the
                // clipped term is the larger one the ratio is outside [1-eps, 1+eps] and its gradient is 0
                double unclippedLoss = -adv[i] * ratio;
                double clippedLoss = -adv[i] * Math.min(Math.max(ratio, 1 - eps), 1 + eps);
                pg += Math.max(unclippedLoss, clippedLoss) / n;
                dLogp[i] = unclippedLoss >= clippedLoss ? -adv[i] * ratio / n : 0; // dr/dlogp = r
                clipped += Math.abs(ratio - 1) > eps ? 1 : 0;
            } else {
                pg += -adv[i] * logp[i] / n; // vanilla policy gradient (A2C)
                dLogp[i] = -adv[i] / n;
            }
            // http://joschu.net/blog/kl-approx.html, as SB3 and CleanRL log it
            kl += ((ratio - 1) - logRatio) / n;
            // value clipping (PPO detail #9, SB3's clip_range_vf): V stays within clipRangeVf of the
            // rollout value; outside that band the prediction is constant, so no gradient
            double diff = values[i] - oldValues[i];
            boolean vfClipped = s.clipRangeVf() > 0 && Math.abs(diff) > s.clipRangeVf();
            double vPred = vfClipped ? oldValues[i] + Math.signum(diff) * s.clipRangeVf() : values[i];
            vl += (returns[i] - vPred) * (returns[i] - vPred) / n;
            dV[i] = vfClipped ? 0 : s.vfCoef() * 2 * (vPred - returns[i]) / n;
            // entropy bonus (PPO detail #10): loss -= ent_coef * mean(H)
            ent += entropy[i] / n;
            dEnt[i] = -s.entCoef() / n;
        }
        double loss = pg - s.entCoef() * ent + s.vfCoef() * vl;
        return new Terms(loss, pg, vl, ent, kl, clipped / n, dLogp, dEnt, dV);
    }

    /** {@code 1 - Var(returns - values) / Var(returns)} of the rollout (detail: "debug variables"); NaN if Var(returns) = 0. */
    public static double explainedVariance(RolloutBatch all) {
        double[] v = doubles(all.oldValues());
        double[] r = doubles(all.returns());
        double varR = variance(r);
        double[] diff = new double[r.length];
        for (int i = 0; i < r.length; i++) {
            diff[i] = r[i] - v[i];
        }
        return varR == 0 ? Double.NaN : 1 - variance(diff) / varR;
    }

    private static double variance(double[] x) {
        double mean = 0;
        for (double v : x) {
            mean += v / x.length;
        }
        double s = 0;
        for (double v : x) {
            s += (v - mean) * (v - mean);
        }
        return s / x.length;
    }

    /** Elements of an array in row-major order, as doubles. */
    static double[] doubles(INDArray a) {
        return org.deeprl4j.nn.NdArrays.doubles(a); // [rows, cols] -> [rows * cols]
    }
}
