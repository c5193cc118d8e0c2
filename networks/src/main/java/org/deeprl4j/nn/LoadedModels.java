package org.deeprl4j.nn;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * All networks of a model file read by {@link ModelFile#loadAll}, in saved order, with the
 * caller's metadata (see {@link LoadedModel}).
 *
 * @param networks        networks by name (unmodifiable, saved order)
 * @param metadata        the metadata map passed to save (unmodifiable)
 * @param deeprl4jVersion the deeprl4j version that wrote the file ("unknown" if not recorded)
 */
public record LoadedModels(Map<String, Network> networks, Map<String, Object> metadata, String deeprl4jVersion) {
    public LoadedModels {
        networks = Collections.unmodifiableMap(new LinkedHashMap<>(networks));
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        Objects.requireNonNull(deeprl4jVersion, "deeprl4jVersion");
    }

    /**
     * The network saved under {@code name}.
     *
     * @throws IllegalArgumentException naming the available networks if there is none
     */
    public Network network(String name) {
        Network n = networks.get(name);
        if (n == null) {
            throw new IllegalArgumentException("no network '" + name + "' in the model file; it has " + networks.keySet());
        }
        return n;
    }
}
