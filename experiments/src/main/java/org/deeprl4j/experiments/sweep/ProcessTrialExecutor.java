package org.deeprl4j.experiments.sweep;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.deeprl4j.experiments.Checkpoint;
import org.deeprl4j.experiments.report.RunFolder;

/**
 * Runs each trial as {@code java ... org.deeprl4j.cli.Main train --config FILE [options] --seed S
 * --set k=v ... --out DIR [--steps N]} in a JVM of its own, so a native crash ends one trial, not
 * the sweep; a trial folder holding an unfinished run with a {@code checkpoint.zip} (the run was
 * stopped or crashed after a checkpoint) is continued with {@code train --resume DIR} instead. The
 * child uses this JVM's java binary and class path, gets this JVM's {@code org.bytedeco.*} system
 * properties (e.g. {@code -Dorg.bytedeco.javacpp.maxPhysicalBytes=0}) and heap limits, and
 * {@code OMP_NUM_THREADS = max(1, cores / workers)} so parallel trials share the CPU instead of
 * competing for it. Its stdout and stderr go to the trial's log file.
 */
public final class ProcessTrialExecutor implements TrialExecutor {
    /** The command-line entry point the children run. */
    public static final String MAIN = "org.deeprl4j.cli.Main";
    /** Seconds a stopped trial gets to write its checkpoint before it is killed. */
    public static final long STOP_GRACE_SECONDS = 60;

    private final Path config;
    private final List<String> trainOptions;
    private final Long steps;
    private final int workers;
    private final String mainClass;
    private final Set<Process> live = ConcurrentHashMap.newKeySet();

    /**
     * @param config the config file every trial trains from
     * @param trainOptions further {@code train} options for every trial (e.g. {@code --algo dqn})
     * @param steps env steps per trial, or null for the config's
     * @param workers trials running at once (for the thread split)
     * @param mainClass class whose main runs in the child (normally {@link #MAIN})
     */
    public ProcessTrialExecutor(Path config, List<String> trainOptions, Long steps, int workers, String mainClass) {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1, got " + workers);
        }
        this.config = config.toAbsolutePath();
        this.trainOptions = List.copyOf(trainOptions);
        this.steps = steps;
        this.workers = workers;
        this.mainClass = mainClass;
    }

    /** The full command line of {@code trial} training into {@code dir}. */
    public List<String> command(Trial trial, Path dir) {
        List<String> cmd = new ArrayList<>();
        cmd.add(javaBinary());
        cmd.addAll(jvmOptions());
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(mainClass);
        cmd.addAll(trainArguments(trial, dir));
        return cmd;
    }

    /**
     * The arguments after the main class: {@code train --config ... [options] --seed ... [--set k=v]... --out ...
     * [--steps N]}, or {@code train --resume DIR} when {@code dir} holds an unfinished run (config.yaml) with a checkpoint.
     */
    public List<String> trainArguments(Trial trial, Path dir) {
        if (RunFolder.isRun(dir) && Files.isRegularFile(dir.resolve(Checkpoint.FILE)) && !RunFolder.isFinished(dir)) {
            return List.of("train", "--resume", dir.toAbsolutePath().toString());
        }
        List<String> args = new ArrayList<>(List.of("train", "--config", config.toString()));
        args.addAll(trainOptions);
        args.add("--seed");
        args.add(Long.toString(trial.seed()));
        trial.params().forEach((k, v) -> {
            args.add("--set");
            args.add(k + "=" + v);
        });
        args.add("--out");
        args.add(dir.toAbsolutePath().toString());
        if (steps != null) {
            args.add("--steps");
            args.add(Long.toString(steps));
        }
        return args;
    }

    /** OpenMP threads per trial: the cores split between the workers, at least one. */
    public int threadsPerTrial() {
        return Math.max(1, Runtime.getRuntime().availableProcessors() / workers);
    }

    @Override
    public int run(Trial trial, Path dir, Path log) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        ProcessBuilder pb = new ProcessBuilder(command(trial, dir));
        pb.environment().put("OMP_NUM_THREADS", Integer.toString(threadsPerTrial()));
        pb.redirectErrorStream(true);
        pb.redirectOutput(log.toFile());
        pb.redirectInput(ProcessBuilder.Redirect.from(new File(nullDevice())));
        Process p = pb.start();
        live.add(p);
        try {
            return p.waitFor();
        } catch (InterruptedException e) {
            stop(p);
            throw e;
        } finally {
            live.remove(p);
        }
    }

    /**
     * Asks every running trial to stop (SIGTERM: {@code train} then writes a checkpoint that a re-run
     * resumes from) and kills those still running after {@value #STOP_GRACE_SECONDS} s.
     */
    @Override
    public void stopAll() {
        List<Process> running = List.copyOf(live);
        running.forEach(Process::destroy);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(STOP_GRACE_SECONDS);
        for (Process p : running) {
            awaitOrKill(p, deadline);
        }
    }

    private static void stop(Process p) {
        p.destroy();
        awaitOrKill(p, System.nanoTime() + TimeUnit.SECONDS.toNanos(STOP_GRACE_SECONDS));
    }

    private static void awaitOrKill(Process p, long deadlineNanos) {
        try {
            if (!p.waitFor(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                p.destroyForcibly();
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static String nullDevice() {
        return System.getProperty("os.name", "").startsWith("Windows") ? "NUL" : "/dev/null";
    }

    /** This JVM's java binary. */
    static String javaBinary() {
        return ProcessHandle.current().info().command()
                .orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** {@code -D} options for this JVM's {@code org.bytedeco.*} properties, then its {@code -Xmx}/{@code -Xms}. */
    static List<String> jvmOptions() {
        List<String> opts = new ArrayList<>();
        Map<String, String> props = new TreeMap<>();
        System.getProperties().forEach((k, v) -> props.put(String.valueOf(k), String.valueOf(v)));
        props.forEach((k, v) -> {
            if (k.startsWith("org.bytedeco.")) {
                opts.add("-D" + k + "=" + v);
            }
        });
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (arg.startsWith("-Xmx") || arg.startsWith("-Xms")) {
                opts.add(arg);
            }
        }
        return opts;
    }
}
