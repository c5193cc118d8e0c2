package org.deeprl4j.env.http;

import java.net.URI;
import java.net.URISyntaxException;
import org.deeprl4j.env.Envs;

/**
 * Environment ids for remote Gym HTTP environments: {@code gym-http:ENV_ID@URL}, e.g.
 * {@code gym-http:CartPole-v1@http://127.0.0.1:5000}. After {@link #register()},
 * {@link Envs#make(String)} (and so vector envs, agents and the CLI) accept such ids and return a
 * {@link GymHttpEnv}. The server applies its own time limits; keyword arguments do not apply.
 */
public final class GymHttp {
    /** The id prefix routed to remote servers. */
    public static final String PREFIX = "gym-http:";

    private GymHttp() {
    }

    /** Routes {@value #PREFIX} ids in {@link Envs} to {@link #make(String)}; calling it again is harmless. */
    public static void register() {
        Envs.registerResolver(PREFIX, GymHttp::make);
    }

    /** The id of {@code envId} on {@code server}, as {@link #make(String)} reads it. */
    public static String id(String envId, URI server) {
        return PREFIX + envId + "@" + server;
    }

    /** Creates the remote environment named by a {@code gym-http:ENV_ID@URL} id. */
    public static GymHttpEnv make(String id) {
        if (id == null || !id.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not a Gym HTTP environment id: '" + id + "'; expected " + PREFIX
                    + "ENV_ID@URL, e.g. gym-http:CartPole-v1@http://127.0.0.1:5000");
        }
        String rest = id.substring(PREFIX.length());
        int at = rest.indexOf('@');
        if (at <= 0 || at == rest.length() - 1) {
            throw new IllegalArgumentException("Gym HTTP environment id '" + id + "' must look like " + PREFIX
                    + "ENV_ID@URL, e.g. gym-http:CartPole-v1@http://127.0.0.1:5000");
        }
        String url = rest.substring(at + 1);
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Gym HTTP environment id '" + id + "' has a malformed URL '" + url
                    + "': " + e.getMessage(), e);
        }
        if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
            throw new IllegalArgumentException("Gym HTTP environment id '" + id + "' needs an http(s)://host:port URL, got '"
                    + url + "'");
        }
        return GymHttpEnv.create(uri, rest.substring(0, at));
    }
}
