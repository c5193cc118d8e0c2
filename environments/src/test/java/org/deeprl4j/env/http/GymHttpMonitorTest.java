package org.deeprl4j.env.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** monitor/start and monitor/close write SB3-style monitor.csv files into validated directories. */
class GymHttpMonitorTest {
    @TempDir
    static Path root;
    private static GymHttpServer server;
    private static GymHttpServer rooted;
    private static Http http;
    private static Http rootedHttp;

    @BeforeAll
    static void start() {
        server = GymHttpServer.start(GymHttpServer.Options.defaults().withPort(0));
        rooted = GymHttpServer.start(GymHttpServer.Options.defaults().withPort(0).withMonitorRoot(root.resolve("runs")));
        http = new Http(server.uri());
        rootedHttp = new Http(rooted.uri());
    }

    @AfterAll
    static void stop() {
        server.stop();
        rooted.stop();
    }

    private static String json(Path p) {
        return p.toString().replace("\\", "\\\\");
    }

    /** Runs CartPole episodes with action 1 (they end in ~10 steps); returns their lengths. */
    private static int[] episodes(Http h, String id, int n) {
        int[] lengths = new int[n];
        for (int e = 0; e < n; e++) {
            h.post("/v1/envs/" + id + "/reset/", "{\"seed\": " + e + "}");
            boolean done = false;
            while (!done) {
                done = h.post("/v1/envs/" + id + "/step/", "{\"action\": 1}").json().get("done").asBoolean();
                lengths[e]++;
            }
        }
        return lengths;
    }

    @Test
    void writesOneRowPerEpisode() throws Exception {
        String id = http.create("CartPole-v1");
        Path dir = root.resolve("plain/new/dir");
        assertEquals(204, http.post("/v1/envs/" + id + "/monitor/start/", "{\"directory\": \"" + json(dir) + "\"}").status());
        int[] lengths = episodes(http, id, 3);
        http.post("/v1/envs/" + id + "/reset/", "{}");
        http.post("/v1/envs/" + id + "/step/", "{\"action\": 1}"); // an unfinished episode is not a row
        assertEquals(204, http.post("/v1/envs/" + id + "/monitor/close/", "{}").status());
        episodes(http, id, 1); // after close nothing is recorded

        List<String> lines = Files.readAllLines(dir.resolve(id + ".monitor.csv"));
        assertEquals(5, lines.size(), lines.toString());
        assertTrue(lines.get(0).matches("#\\{\"t_start\": \\d+\\.\\d+, \"env_id\": \"CartPole-v1\"}"), lines.get(0));
        assertEquals("r,l,t", lines.get(1));
        for (int e = 0; e < 3; e++) {
            String[] row = lines.get(2 + e).split(",");
            assertEquals((double) lengths[e], Double.parseDouble(row[0]), "CartPole pays 1 per step");
            assertEquals(lengths[e], Integer.parseInt(row[1]));
            assertTrue(Double.parseDouble(row[2]) >= 0);
        }
    }

    @Test
    void existingFilesNeedForceOrResume() throws Exception {
        String id = http.create("CartPole-v1");
        Path dir = root.resolve("again");
        String start = "/v1/envs/" + id + "/monitor/start/";
        assertEquals(204, http.post(start, "{\"directory\": \"" + json(dir) + "\"}").status());
        episodes(http, id, 1);
        http.post("/v1/envs/" + id + "/monitor/close/", "{}");
        Http.Reply clash = http.post(start, "{\"directory\": \"" + json(dir) + "\"}");
        assertEquals(400, clash.status());
        assertTrue(clash.message().contains("force"), clash.message());

        assertEquals(204, http.post(start, "{\"directory\": \"" + json(dir) + "\", \"resume\": true}").status());
        episodes(http, id, 1);
        http.post("/v1/envs/" + id + "/monitor/close/", "{}");
        Path file = dir.resolve(id + ".monitor.csv");
        assertEquals(4, Files.readAllLines(file).size(), "resume appends rows under the one header");

        assertEquals(204, http.post(start, "{\"directory\": \"" + json(dir) + "\", \"force\": true}").status());
        http.post("/v1/envs/" + id + "/close/", "{}"); // closing the instance closes its monitor
        assertEquals(List.of("r,l,t"), Files.readAllLines(file).subList(1, 2));
        assertEquals(2, Files.readAllLines(file).size(), "force starts the file over");
    }

    @Test
    void aMonitorRootConfinesDirectories() throws Exception {
        String id = rootedHttp.create("CartPole-v1");
        String start = "/v1/envs/" + id + "/monitor/start/";
        assertEquals(204, rootedHttp.post(start, "{\"directory\": \"exp1/monitor\"}").status());
        assertTrue(Files.exists(root.resolve("runs/exp1/monitor/" + id + ".monitor.csv")), "relative to the root");

        for (String bad : List.of("../escape", "exp1/../../escape", json(root.resolve("elsewhere")))) {
            Http.Reply r = rootedHttp.post(start, "{\"directory\": \"" + bad + "\", \"force\": true}");
            assertEquals(400, r.status(), bad);
            assertTrue(r.message().contains("outside the server's monitor root"), r.message());
        }
        assertFalse(Files.exists(root.resolve("escape")));
        assertFalse(Files.exists(root.resolve("elsewhere")));

        Path outside = Files.createDirectories(root.resolve("outside"));
        try {
            Files.createSymbolicLink(root.resolve("runs/link"), outside);
        } catch (UnsupportedOperationException | java.io.IOException e) {
            return; // no symbolic links on this file system
        }
        Http.Reply r = rootedHttp.post(start, "{\"directory\": \"link/sub\", \"force\": true}");
        assertEquals(400, r.status(), "a symbolic link out of the root is refused");
        assertFalse(Files.exists(outside.resolve("sub")), "refused before anything was created");
    }
}
