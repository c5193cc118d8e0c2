package org.deeprl4j.experiments.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchReportTest {
    private static final MachineInfo MACHINE = new MachineInfo(2, 3.5, "Linux 6 (amd64)", "Vendor VM 17", 4L << 30, "CpuBackend",
            "omp.threads=1", "maxPhysicalBytes=0");

    private static BenchReport report() {
        return new BenchReport(MACHINE, Map.of("seed", 3), List.of(
                new BenchResult("train", "dqn time to 475", "s", List.of(Double.NaN, 12.0), "1 of 2"),
                new BenchResult("env", "raw", "steps/s", List.of(1e7), "")), 1.25);
    }

    @Test
    void jsonHasMachineSettingsAndResultsWithNullForNonFinite(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bench.json");
        report().writeJson(file);
        JsonNode doc = new ObjectMapper().readTree(Files.readString(file));
        assertEquals(2, doc.get("machine").get("cores").asInt());
        assertEquals(4L << 30, doc.get("machine").get("max_heap_bytes").asLong());
        assertEquals(3.5, doc.get("machine").get("load_average").asDouble());
        assertEquals(3, doc.get("settings").get("seed").asInt());
        assertEquals(1.25, doc.get("seconds").asDouble());
        JsonNode r = doc.get("results").get(0);
        assertEquals("train", r.get("suite").asText());
        assertEquals("dqn time to 475", r.get("name").asText());
        assertEquals(12.0, r.get("median").asDouble());
        assertTrue(r.get("samples").get(0).isNull(), "NaN is written as null");
        assertEquals(12.0, r.get("samples").get(1).asDouble());
        assertEquals("1 of 2", r.get("note").asText());
        assertEquals(1e7, doc.get("results").get(1).get("max").asDouble());
    }

    @Test
    void textHasMachineHeaderTableAndTotalTime() {
        String text = report().toText();
        assertTrue(text.startsWith("machine: 2 cores, Linux 6 (amd64), max heap 4.0 GiB, load average 3.50 at start\n"), text);
        assertTrue(text.contains("nd4j:    CpuBackend, omp.threads=1"), text);
        assertTrue(text.contains("javacpp: maxPhysicalBytes=0"), text);
        assertTrue(text.contains("dqn time to 475"), text);
        assertTrue(text.contains("total time 1.3 s") || text.contains("total time 1.2 s"), text);
    }
}
