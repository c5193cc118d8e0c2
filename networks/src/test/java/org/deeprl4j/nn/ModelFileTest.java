package org.deeprl4j.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.deeprl4j.env.spaces.Discrete;
import org.deeprl4j.env.spaces.Spaces;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

class ModelFileTest {
    private static final INDArray X = QNetworksTest.input(8, 4, 31, DataType.FLOAT);
    private static final INDArray Y = QNetworksTest.input(8, 3, 32, DataType.FLOAT);

    @TempDir
    Path dir;

    private static Network trained(long seed, boolean dueling) {
        Network net = QNetworks.mlp(4, 3, MlpSpec.of(16), dueling, dueling ? Loss.HUBER : Loss.MSE,
                OptimizerConfig.adam(0.01).withMaxGradNorm(10), seed);
        for (int i = 0; i < 3; i++) {
            net.fit(X, Y, null);
        }
        net.setLearningRate(0.005);
        return net;
    }

    private static Map<String, Object> metadata() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("algorithm", "dqn");
        m.put("envId", "CartPole-v1");
        m.put("actionSpace", new Discrete(3).toJson());
        m.put("config", Map.of("gamma", 0.99, "bufferSize", 10000, "layers", List.of(16)));
        m.put("seed", 42);
        return m;
    }

    /** Same outputs now and after one more identical training step (updater state restored). */
    private static void assertSameNetwork(Network expected, Network actual) {
        assertArrayEquals(QNetworksTest.values(expected.params()), QNetworksTest.values(actual.params()));
        assertArrayEquals(QNetworksTest.values(expected.output(X)), QNetworksTest.values(actual.output(X)));
        assertEquals(expected.optimizer(), actual.optimizer());
        assertEquals(expected.fit(X, Y, null), actual.fit(X, Y, null));
        assertArrayEquals(QNetworksTest.values(expected.params()), QNetworksTest.values(actual.params()));
    }

    @Test
    void singleNetworkRoundTripAndPlainDl4jInterop() throws IOException {
        Network net = trained(1, true);
        Path file = dir.resolve("runs/cartpole/model.zip"); // parent folders are created
        ModelFile.save(file, net, metadata());
        Network plain = QNetworks.mlp(4, 3, MlpSpec.of(16), true, Loss.HUBER, OptimizerConfig.adam(0.01), 1);
        ComputationGraph dl4j = ModelSerializer.restoreComputationGraph(file.toFile(), true);
        assertEquals(net.output(X), dl4j.outputSingle(X));
        assertEquals(plain.numParams(), dl4j.numParams());
        LoadedModel loaded = ModelFile.load(file);
        assertEquals(metadata(), loaded.metadata());
        assertEquals(0.005, loaded.network().optimizer().learningRate());
        assertEquals(10, loaded.network().optimizer().maxGradNorm());
        assertTrue(loaded.deeprl4jVersion().length() > 0);
        @SuppressWarnings("unchecked")
        Map<String, ?> space = (Map<String, ?>) loaded.metadata().get("actionSpace");
        assertEquals(new Discrete(3), Spaces.fromJson(space));
        assertSameNetwork(net, loaded.network());
        assertEquals(loaded.network().optimizer().learningRate(),
                ModelFile.load(file, ModelFile.DEFAULT_NAME).network().optimizer().learningRate());
    }

    @Test
    void severalNamedNetworks() throws IOException {
        Network q = trained(2, false);
        Network target = q.copy();
        q.fit(X, Y, null);
        Map<String, Network> nets = new LinkedHashMap<>();
        nets.put("q", q);
        nets.put("target", target);
        Path file = dir.resolve("dqn.zip");
        ModelFile.save(file, nets, metadata());
        INDArray savedTarget = target.params().dup();
        LoadedModels all = ModelFile.loadAll(file);
        assertEquals(List.of("q", "target"), List.copyOf(all.networks().keySet()));
        assertEquals(metadata(), all.metadata());
        assertSameNetwork(q, all.network("q"));
        assertSameNetwork(target, all.network("target"));
        assertThrows(IllegalArgumentException.class, () -> all.network("actor"));
        assertEquals(savedTarget, ModelFile.load(file, "target").network().params());
        ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFile.load(file));
        assertTrue(e.getMessage().contains("[q, target]"), e.getMessage());
        e = assertThrows(ModelFileException.class, () -> ModelFile.load(file, "critic"));
        assertTrue(e.getMessage().contains("critic"), e.getMessage());
    }

    @Test
    void overwritingReplacesAndLeavesNoTemporaryFiles() throws IOException {
        Path file = dir.resolve("m.zip");
        ModelFile.save(file, trained(3, false), Map.of("v", 1));
        ModelFile.save(file, trained(4, false), Map.of("v", 2));
        assertEquals(2, ModelFile.load(file).metadata().get("v"));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList());
        }
    }

    @Test
    void failedSaveKeepsThePreviousFile() throws IOException {
        Path file = dir.resolve("m.zip");
        Network net = trained(5, false);
        ModelFile.save(file, net, Map.of("v", 1));
        byte[] before = Files.readAllBytes(file);
        Map<String, Object> bad = Map.of("stream", new Object()); // not JSON-serializable
        assertThrows(IllegalArgumentException.class, () -> ModelFile.save(file, net, bad));
        assertThrows(IllegalArgumentException.class, () -> ModelFile.save(file, Map.of("bad/name", net), Map.of()));
        assertArrayEquals(before, Files.readAllBytes(file));
        assertEquals(1, ModelFile.load(file).metadata().get("v"));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count());
        }
    }

    private static ModelFileException loadFails(Path file) {
        ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFile.loadAll(file));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertEquals(file, e.file());
        return e;
    }

    private void writeZip(Path file, Map<String, String> entries) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
    }

    @Test
    void badFilesGiveClearErrors() throws IOException {
        assertTrue(loadFails(dir.resolve("missing.zip")).getMessage().contains("does not exist"));
        assertTrue(loadFails(dir).getMessage().contains("directory"));
        Path text = dir.resolve("notes.zip");
        Files.writeString(text, "hello");
        assertTrue(loadFails(text).getMessage().contains("not a zip"));
        Path good = dir.resolve("good.zip");
        ModelFile.save(good, trained(6, false), Map.of());
        byte[] bytes = Files.readAllBytes(good);
        Path truncated = dir.resolve("truncated.zip");
        Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertTrue(loadFails(truncated).getMessage().contains("not a zip"));
        Path foreign = dir.resolve("foreign.zip");
        writeZip(foreign, Map.of("readme.txt", "hi"));
        assertTrue(loadFails(foreign).getMessage().contains("not a deeprl4j model"));
        Path plainDl4j = dir.resolve("plain.zip");
        ModelSerializer.writeModel(trained(7, false).graph(), plainDl4j.toFile(), true);
        assertTrue(loadFails(plainDl4j).getMessage().contains("not a deeprl4j model"));
        Path future = dir.resolve("future.zip");
        writeZip(future, Map.of(ModelFile.METADATA_ENTRY, "{\"format\": 99, \"deeprl4jVersion\": \"9.0\"}"));
        assertTrue(loadFails(future).getMessage().contains("format version 99"));
        Path badJson = dir.resolve("badjson.zip");
        writeZip(badJson, Map.of(ModelFile.METADATA_ENTRY, "{not json"));
        assertTrue(loadFails(badJson).getMessage().contains("not valid JSON"));
        Path noNet = dir.resolve("nonet.zip");
        writeZip(noNet, Map.of(ModelFile.METADATA_ENTRY,
                "{\"format\": 1, \"networks\": {\"q\": {\"entry\": \"networks/q.zip\", \"optimizer\": "
                        + "{\"type\": \"adam\", \"learningRate\": 0.001, \"epsilon\": 1e-8, \"maxGradNorm\": 0, \"l2\": 0}}}}"));
        assertTrue(loadFails(noNet).getMessage().contains("network 'q' is missing"));
        Path corruptNet = dir.resolve("corruptnet.zip");
        writeZip(corruptNet, Map.of(ModelFile.METADATA_ENTRY,
                "{\"format\": 1, \"networks\": {\"q\": {\"entry\": \"networks/q.zip\", \"optimizer\": "
                        + "{\"type\": \"adam\", \"learningRate\": 0.001, \"epsilon\": 1e-8, \"maxGradNorm\": 0, \"l2\": 0}}}}",
                "networks/q.zip", "garbage"));
        assertTrue(loadFails(corruptNet).getMessage().contains("cannot be restored"));
        Path badOpt = dir.resolve("badopt.zip");
        writeZip(badOpt, Map.of(ModelFile.METADATA_ENTRY,
                "{\"format\": 1, \"networks\": {\"q\": {\"entry\": \"\", \"optimizer\": {\"type\": \"lbfgs\"}}}}"));
        assertTrue(loadFails(badOpt).getMessage().contains("invalid optimizer"));
        assertFalse(Files.exists(dir.resolve("missing.zip")));
    }
}
