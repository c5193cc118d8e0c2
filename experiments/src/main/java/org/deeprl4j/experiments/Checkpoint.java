package org.deeprl4j.experiments;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.deeprl4j.agents.EvalResult;
import org.deeprl4j.agents.StateBundle;
import org.deeprl4j.agents.TrainerState;
import org.deeprl4j.env.vector.VectorEnv;

/**
 * A checkpoint file ({@code checkpoint.zip} in the run folder): everything a run needs to continue
 * bit for bit. Entries: {@code checkpoint.json} (format, algorithm, env, step and the job's
 * settings), {@code trainer.bin} (the loop's {@link TrainerState}), {@code env.ser} (the vector
 * env, Java-serialized: env states, their random generators, time-limit and episode counters),
 * {@code agent/<section>} (the agent's {@link StateBundle}: networks with optimizer state, buffers,
 * generators, counters) and {@code files/<name>} (the run's CSV files as of the checkpoint).
 *
 * <p>Written to a temporary file, forced to disk and renamed over the previous checkpoint, so a
 * process killed at any moment leaves the previous or the new checkpoint, whole.
 *
 * @param info    {@code checkpoint.json}
 * @param trainer the loop's state
 * @param env     the serialized vector env
 * @param agent   the agent's sections
 * @param files   run files by name
 */
public record Checkpoint(Map<String, Object> info, TrainerState trainer, byte[] env, StateBundle agent,
                         Map<String, byte[]> files) {
    /** File name in the run folder. */
    public static final String FILE = "checkpoint.zip";
    /** Format version written into {@code checkpoint.json}. */
    public static final int FORMAT = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The vector env as checkpoint bytes; a clear error when some part of it cannot be saved. */
    public static byte[] serialize(VectorEnv env) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(env);
        } catch (NotSerializableException e) {
            throw new IllegalStateException("this env cannot be checkpointed: " + e.getMessage()
                    + " is not serializable (checkpoints need envs whose state is plain Java data; remote gym-http envs and"
                    + " wrappers holding lambdas cannot be saved)", e);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialize the env for a checkpoint: " + e.getMessage(), e);
        }
        return bytes.toByteArray();
    }

    /** The vector env saved in this checkpoint. */
    public VectorEnv restoreEnv() throws IOException {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(env))) {
            return (VectorEnv) in.readObject();
        } catch (ClassNotFoundException | InvalidClassException | ClassCastException e) {
            throw new IOException("the env state in the checkpoint was written by another version of its classes: " + e.getMessage(), e);
        }
    }

    /** Writes this checkpoint to {@code file} atomically. */
    public void write(Path file) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE);
                 OutputStream raw = java.nio.channels.Channels.newOutputStream(ch);
                 ZipOutputStream zip = new ZipOutputStream(raw)) {
                entry(zip, "checkpoint.json", JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(info));
                entry(zip, "trainer.bin", trainerBytes(trainer));
                entry(zip, "env.ser", env);
                for (String name : agent.names()) {
                    entry(zip, "agent/" + name, agent.bytes(name));
                }
                for (Map.Entry<String, byte[]> f : files.entrySet()) {
                    entry(zip, "files/" + f.getKey(), f.getValue());
                }
                zip.finish();
                zip.flush();
                ch.force(true); // on disk before the rename makes it the checkpoint
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw new IOException("cannot write checkpoint " + file + " (the previous checkpoint is kept): " + e.getMessage(), e);
        }
    }

    /**
     * Reads a checkpoint file.
     *
     * @throws IOException naming the file when it is missing, truncated, corrupt or of another format
     */
    @SuppressWarnings("unchecked")
    public static Checkpoint read(Path file) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                entries.put(e.getName(), zip.readAllBytes());
            }
        } catch (NoSuchFileException e) {
            throw new IOException("no checkpoint at " + file);
        } catch (ZipException | java.io.EOFException e) {
            throw new IOException("checkpoint " + file + " is corrupt or truncated: " + e.getMessage(), e);
        }
        for (String required : new String[] {"checkpoint.json", "trainer.bin", "env.ser"}) {
            if (!entries.containsKey(required)) {
                throw new IOException("checkpoint " + file + " is corrupt or truncated: it lacks " + required);
            }
        }
        Map<String, Object> info;
        try {
            info = JSON.readValue(entries.get("checkpoint.json"), Map.class);
        } catch (IOException e) {
            throw new IOException("checkpoint " + file + ": unreadable checkpoint.json: " + e.getMessage(), e);
        }
        if (!(info.get("format") instanceof Number n) || n.intValue() != FORMAT) {
            throw new IOException("checkpoint " + file + " has format " + info.get("format") + "; this build reads format " + FORMAT);
        }
        StateBundle agent = new StateBundle();
        Map<String, byte[]> files = new LinkedHashMap<>();
        entries.forEach((name, bytes) -> {
            if (name.startsWith("agent/")) {
                agent.putBytes(name.substring("agent/".length()), bytes);
            } else if (name.startsWith("files/")) {
                files.put(name.substring("files/".length()), bytes);
            }
        });
        TrainerState trainer;
        try {
            trainer = readTrainer(entries.get("trainer.bin"));
        } catch (IOException e) {
            throw new IOException("checkpoint " + file + ": corrupt trainer state: " + e.getMessage(), e);
        }
        return new Checkpoint(info, trainer, entries.get("env.ser"), agent, files);
    }

    private static void entry(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }

    private static byte[] trainerBytes(TrainerState s) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(s.observations().length);
            for (float x : s.observations()) {
                out.writeFloat(x);
            }
            out.writeLong(s.step());
            out.writeLong(s.episodes());
            out.writeLong(s.nextEval());
            out.writeDouble(s.bestEval());
            out.writeDouble(s.elapsedSeconds());
            EvalResult e = s.lastEval();
            out.writeInt(e == null ? -1 : e.returns().length);
            for (int i = 0; e != null && i < e.returns().length; i++) {
                out.writeDouble(e.returns()[i]);
                out.writeInt(e.lengths()[i]);
            }
        }
        return bytes.toByteArray();
    }

    private static TrainerState readTrainer(byte[] b) throws IOException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(b))) {
            int n = in.readInt();
            if (n < 0 || n > b.length) {
                throw new IOException("observation count " + n);
            }
            float[] obs = new float[n];
            for (int i = 0; i < n; i++) {
                obs[i] = in.readFloat();
            }
            long step = in.readLong();
            long episodes = in.readLong();
            long nextEval = in.readLong();
            double best = in.readDouble();
            double elapsed = in.readDouble();
            int k = in.readInt();
            if (k < -1 || k > b.length) {
                throw new IOException("evaluation count " + k);
            }
            EvalResult last = null;
            if (k >= 0) {
                double[] returns = new double[k];
                int[] lengths = new int[k];
                for (int i = 0; i < k; i++) {
                    returns[i] = in.readDouble();
                    lengths[i] = in.readInt();
                }
                last = new EvalResult(returns, lengths);
            }
            return new TrainerState(obs, step, episodes, nextEval, best, last, elapsed);
        }
    }
}
