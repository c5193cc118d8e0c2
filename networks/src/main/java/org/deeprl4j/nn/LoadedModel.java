package org.deeprl4j.nn;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One network read by {@link ModelFile#load}, with the caller's metadata as it came back from
 * JSON (objects as maps, arrays as lists, numbers as Integer/Long/Double).
 *
 * @param network         the network, with its updater state, ready to continue training
 * @param metadata        the metadata map passed to save (unmodifiable)
 * @param deeprl4jVersion the deeprl4j version that wrote the file ("unknown" if not recorded)
 */
public record LoadedModel(Network network, Map<String, Object> metadata, String deeprl4jVersion) {
    public LoadedModel {
        Objects.requireNonNull(network, "network");
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        Objects.requireNonNull(deeprl4jVersion, "deeprl4jVersion");
    }
}
