package org.deeprl4j.agents;

/**
 * A finished training episode.
 *
 * @param step global env step at which it ended
 * @param env index of the sub-environment
 * @param episodeReturn undiscounted return
 * @param length number of steps
 * @param seconds wall-clock seconds since training started (metadata only)
 */
public record EpisodeRecord(long step, int env, double episodeReturn, int length, double seconds) {
}
