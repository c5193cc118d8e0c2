package org.deeprl4j.agents;

/**
 * One vector-env step's transitions, handed to {@link Agent#observe}. The arrays are owned by the
 * environment loop and reused on the next step: copy what you keep.
 *
 * @param observations {@code [numEnvs * obsDim]} observations the actions were taken in
 * @param actions {@code [numEnvs * actDim]} actions taken
 * @param rewards {@code [numEnvs]}
 * @param nextObservations {@code [numEnvs * obsDim]}: for an env whose episode just ended, its real
 *     final observation (not the reset observation that follows)
 * @param terminated {@code [numEnvs]} the MDP reached a terminal state (do not bootstrap)
 * @param truncated {@code [numEnvs]} the episode was cut (time limit; bootstrap from the final observation)
 * @param numEnvs number of sub-environments
 */
public record Transitions(float[] observations, float[] actions, double[] rewards, float[] nextObservations,
                          boolean[] terminated, boolean[] truncated, int numEnvs) {

    /** Adds these transitions to a replay buffer (terminated and truncated kept apart). */
    public void addTo(org.deeprl4j.replay.ReplayBuffer buffer) {
        buffer.add(observations, actions, rewards, nextObservations, terminated, truncated);
    }

    /**
     * The off-policy training schedule of DQN, SAC and TD3 (SB3's {@code train_freq} /
     * {@code learning_starts}): train after every {@code trainFreq}-th vector step once more than
     * {@code learningStarts} env steps were taken and the buffer holds a batch.
     */
    public static boolean trainingDue(long vectorSteps, int trainFreq, long step, long learningStarts, long bufferSize,
                                      int batchSize) {
        return vectorSteps % trainFreq == 0 && step > learningStarts && bufferSize >= batchSize;
    }
}
