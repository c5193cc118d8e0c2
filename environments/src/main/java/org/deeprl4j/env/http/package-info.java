/**
 * The Gym HTTP API (openai/gym-http-api) both ways: {@link org.deeprl4j.env.http.GymHttpServer}
 * serves every registered environment to Python (or any) clients, and
 * {@link org.deeprl4j.env.http.GymHttpEnv} makes a remote environment a deeprl4j
 * {@link org.deeprl4j.env.Env} ({@code gym-http:ENV_ID@URL} ids once
 * {@link org.deeprl4j.env.http.GymHttp#register()} ran).
 *
 * <h2>Endpoints (reference paths, methods and JSON shapes)</h2>
 * <pre>
 * POST   /v1/envs/                                 {env_id, seed?}            -> {instance_id}
 * GET    /v1/envs/                                                            -> {all_envs: {id: env_id}}
 * POST   /v1/envs/{id}/reset/                      {seed?}                    -> {observation, info}
 * POST   /v1/envs/{id}/step/                       {action, render?}          -> {observation, reward, done, info,
 *                                                                                  terminated, truncated}
 * GET    /v1/envs/{id}/action_space/                                          -> {info: {name, n | shape, low, high, ...}}
 * GET    /v1/envs/{id}/action_space/sample                                    -> {action}
 * GET    /v1/envs/{id}/action_space/contains/{x}                              -> {member}
 * GET    /v1/envs/{id}/observation_space/                                     -> {info}
 * POST   /v1/envs/{id}/observation_space/contains  {key: value, ...}          -> {member}
 * POST   /v1/envs/{id}/monitor/start/              {directory, force?, resume?, video_callable?}  -> 204
 * POST   /v1/envs/{id}/monitor/close/                                         -> 204
 * POST   /v1/envs/{id}/close/   (also DELETE /v1/envs/{id}/)                  -> 204
 * POST   /v1/shutdown/                             (only with allowShutdown, else 403) -> "Server shutting down"
 * POST   /v1/upload/                               (501: the Gym scoreboard is gone)
 * </pre>
 * Errors are {@code {"message": ...}}. Additions over the reference, ignored by old clients:
 * {@code seed} and {@code info} on reset, {@code terminated}/{@code truncated} on step, and
 * {@code info["TimeLimit.truncated"] = true} when a time limit cut the episode. Infinite Box bounds
 * travel as +-1e100; float32 values as the decimal of their exact double, so they round-trip bit
 * for bit. Differences from the reference: a create {@code seed} of 0 is a seed; the seed given at
 * creation seeds the first reset; monitor files are SB3 {@code monitor.csv} files named
 * {@code <instance_id>.monitor.csv} (no video); {@code monitor/close} keeps the instance usable.
 *
 * <h2>gym-java-client 1.0.0-beta6</h2>
 * Its {@code listAll} reads {@code envs} instead of {@code all_envs} and fails with a
 * {@code JSONException} (the server keeps the reference shape); its {@code serverShutdown} posts to
 * {@code /v1/envs//shutdown/}, which this server answers with 404 and a message naming
 * {@code POST /v1/shutdown/}, so the server keeps running. Everything else (create, reset, step,
 * monitor start/close, close by posting to {@code Client.CLOSE}) works; see the tests module's
 * {@code GymJavaClientCompatTest}.
 */
package org.deeprl4j.env.http;
