package org.deeprl4j.env.http;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Validates the {@code directory} of {@code monitor/start}. Without a monitor root the server
 * writes wherever its process may (as the reference server does); with a root, relative
 * directories resolve inside it and anything that leaves it ({@code ..}, absolute paths elsewhere,
 * symbolic links pointing out) is refused.
 */
final class MonitorPaths {
    private MonitorPaths() {
    }

    /** The monitor file of {@code instanceId} in {@code directory}, creating the directory. */
    static Path monitorFile(String directory, Path root, String instanceId) {
        Path dir = resolve(directory, root);
        try {
            if (root != null) {
                // check where the directory really is (symbolic links) before creating anything
                Path realRoot = Files.createDirectories(root.toAbsolutePath().normalize()).toRealPath();
                if (!existingAncestor(dir).toRealPath().startsWith(realRoot)) {
                    throw outside(directory, root);
                }
            }
            Files.createDirectories(dir);
        } catch (IOException | SecurityException e) {
            throw ApiException.badRequest("Cannot create monitor directory '" + directory + "': " + e);
        }
        if (!Files.isDirectory(dir) || !Files.isWritable(dir)) {
            throw ApiException.badRequest("Monitor directory '" + directory + "' is not a writable directory");
        }
        return dir.resolve(instanceId + ".monitor.csv");
    }

    private static Path existingAncestor(Path dir) {
        Path p = dir;
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        return p == null ? dir.getRoot() : p;
    }

    private static Path resolve(String directory, Path root) {
        if (directory.indexOf('\0') >= 0) {
            throw ApiException.badRequest("Monitor directory must not contain NUL characters");
        }
        Path p;
        try {
            p = Path.of(directory);
        } catch (InvalidPathException e) {
            throw ApiException.badRequest("Invalid monitor directory '" + directory + "': " + e.getMessage());
        }
        if (root == null) {
            return p.toAbsolutePath().normalize();
        }
        Path r = root.toAbsolutePath().normalize();
        Path resolved = r.resolve(p).normalize(); // an absolute p replaces r
        if (!resolved.startsWith(r)) {
            throw outside(directory, root);
        }
        return resolved;
    }

    private static ApiException outside(String directory, Path root) {
        return ApiException.badRequest("Monitor directory '" + directory + "' is outside the server's monitor root "
                + root.toAbsolutePath().normalize());
    }
}
