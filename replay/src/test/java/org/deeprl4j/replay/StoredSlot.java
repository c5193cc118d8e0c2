package org.deeprl4j.replay;

import java.util.Arrays;

/** One stored transition read straight from a buffer's arrays (test helper). */
record StoredSlot(float[] obs, float[] action, float reward, float[] nextObs, boolean done, float discount) {

    static StoredSlot read(BaseReplayBuffer buffer, int slot) {
        TransitionStore s = buffer.store;
        int o = s.obsDim;
        int a = s.actDim;
        return new StoredSlot(
                Arrays.copyOfRange(s.obs, slot * o, slot * o + o),
                Arrays.copyOfRange(s.actions, slot * a, slot * a + a),
                s.rewards[slot],
                Arrays.copyOfRange(s.nextObs, slot * o, slot * o + o),
                s.dones[slot] == 1,
                s.discounts[slot]);
    }

    @Override
    public String toString() {
        return "StoredSlot[obs=" + Arrays.toString(obs) + ", action=" + Arrays.toString(action)
                + ", reward=" + reward + ", nextObs=" + Arrays.toString(nextObs) + ", done=" + done
                + ", discount=" + discount + "]";
    }
}
