package org.deeprl4j.experiments.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The machine a benchmark ran on, printed above its table and stored in its JSON: figures are only
 * comparable between runs with matching headers.
 *
 * @param cores         {@link Runtime#availableProcessors()}
 * @param os            name, version and architecture
 * @param jvm           vendor, VM name and runtime version
 * @param loadAverage   system load average over the last minute when the run started (-1 where the
 *                      OS does not report it): figures taken under load are lower and noisier
 * @param maxHeapBytes  {@link Runtime#maxMemory()}
 * @param nd4jBackend   ND4J backend and executioner classes
 * @param nd4jThreads   the executioner's OpenMP and BLAS threads, and {@code OMP_NUM_THREADS}
 * @param javacpp       JavaCPP's memory limits: the system properties and the effective values
 */
public record MachineInfo(int cores, double loadAverage, String os, String jvm, long maxHeapBytes, String nd4jBackend,
                          String nd4jThreads, String javacpp) {
    private static final String MAX_PHYSICAL = "org.bytedeco.javacpp.maxPhysicalBytes";
    private static final String MAX_BYTES = "org.bytedeco.javacpp.maxBytes";

    /** Describes this JVM (initializes ND4J when it has not been yet). */
    public static MachineInfo collect() {
        Runtime rt = Runtime.getRuntime();
        String os = System.getProperty("os.name") + " " + System.getProperty("os.version") + " (" + System.getProperty("os.arch") + ")";
        String jvm = System.getProperty("java.vm.vendor") + " " + System.getProperty("java.vm.name") + " "
                + System.getProperty("java.runtime.version");
        String omp = "OMP_NUM_THREADS=" + java.util.Objects.requireNonNullElse(System.getenv("OMP_NUM_THREADS"), "unset")
                + ", OPENBLAS_CORETYPE=" + java.util.Objects.requireNonNullElse(System.getenv("OPENBLAS_CORETYPE"), "unset");
        String backend;
        String threads;
        try {
            backend = Nd4j.getBackend().getClass().getSimpleName() + " (" + Nd4j.getExecutioner().getClass().getSimpleName() + ")";
            Properties p = Nd4j.getExecutioner().getEnvironmentInformation();
            threads = "omp.threads=" + info(p, "omp.threads") + ", blas.threads=" + info(p, "blas.threads")
                    + " (" + info(p, "blas.vendor") + "), maxThreads=" + Nd4j.getEnvironment().maxThreads() + ", " + omp;
        } catch (RuntimeException | LinkageError e) {
            backend = "unavailable (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")";
            threads = omp;
        }
        String javacpp = "maxPhysicalBytes=" + property(MAX_PHYSICAL) + " (effective " + Pointer.maxPhysicalBytes()
                + "), maxBytes=" + property(MAX_BYTES) + " (effective " + Pointer.maxBytes() + ")";
        double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return new MachineInfo(rt.availableProcessors(), load < 0 ? -1 : load, os, jvm, rt.maxMemory(), backend, threads, javacpp);
    }

    /** A value of the executioner's environment information (values are numbers or strings). */
    private static String info(Properties p, String key) {
        Object v = p.get(key);
        return v == null ? "?" : String.valueOf(v);
    }

    private static String property(String key) {
        String v = System.getProperty(key);
        return v == null ? "unset" : v;
    }

    /** Header lines for the text output. */
    public List<String> lines() {
        return List.of(
                String.format(Locale.ROOT, "machine: %d cores, %s, max heap %.1f GiB, load average %s at start", cores, os,
                        maxHeapBytes / (double) (1L << 30), loadAverage < 0 ? "unknown" : String.format(Locale.ROOT, "%.2f", loadAverage)),
                "jvm:     " + jvm,
                "nd4j:    " + nd4jBackend + ", " + nd4jThreads,
                "javacpp: " + javacpp);
    }

    /** The fields for JSON, snake_case keys. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cores", cores);
        m.put("load_average", loadAverage < 0 ? null : loadAverage);
        m.put("os", os);
        m.put("jvm", jvm);
        m.put("max_heap_bytes", maxHeapBytes);
        m.put("nd4j_backend", nd4jBackend);
        m.put("nd4j_threads", nd4jThreads);
        m.put("javacpp", javacpp);
        return m;
    }
}
