package org.deeprl4j.experiments.output;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sqlite.SQLiteConfig;

/**
 * An SQLite index of runs (e.g. {@code runs/index.sqlite}) with one row per run folder. Each
 * operation opens its own connection, so any number of processes (sweep workers) can update the
 * index at once: the database is in WAL mode and waits up to {@value #BUSY_TIMEOUT_MS} ms for a
 * lock instead of failing. (WAL needs a local file system, not NFS.) Returns are stored as NULL
 * when NaN; start times as Unix epoch milliseconds.
 */
public final class RunIndex {
    /** How long an operation waits for another process's lock. */
    public static final int BUSY_TIMEOUT_MS = 30_000;

    private static final String COLUMNS = "run_dir, env_id, algo, seed, steps, final_return, best_return, start_time, status";
    private static final String SCHEMA = """
            CREATE TABLE IF NOT EXISTS runs (
              run_dir TEXT PRIMARY KEY,
              env_id TEXT NOT NULL,
              algo TEXT NOT NULL,
              seed INTEGER NOT NULL,
              steps INTEGER NOT NULL,
              final_return REAL,
              best_return REAL,
              start_time INTEGER NOT NULL,
              status TEXT NOT NULL)""";
    private static final String UPSERT = "INSERT INTO runs (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
            + "ON CONFLICT(run_dir) DO UPDATE SET env_id = excluded.env_id, algo = excluded.algo, seed = excluded.seed, "
            + "steps = excluded.steps, final_return = excluded.final_return, best_return = excluded.best_return, "
            + "start_time = excluded.start_time, status = excluded.status";

    private final Path file;
    private final String url;

    /** Opens (creating the file, its folder and the table if needed) the index at {@code file}. */
    public RunIndex(Path file) {
        this.file = file;
        this.url = "jdbc:sqlite:" + file.toAbsolutePath();
        try {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot create the folder of run index " + file + ": " + e.getMessage(), e);
        }
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.executeUpdate(SCHEMA);
            s.executeUpdate("CREATE INDEX IF NOT EXISTS runs_by_start ON runs (start_time, run_dir)");
        } catch (SQLException e) {
            throw failure("open", e);
        }
    }

    public Path file() {
        return file;
    }

    /** Inserts the run, or replaces the row with the same run folder. */
    public void upsert(RunRecord r) {
        try (Connection c = connect(); PreparedStatement p = c.prepareStatement(UPSERT)) {
            p.setString(1, r.runDir());
            p.setString(2, r.envId());
            p.setString(3, r.algo());
            p.setLong(4, r.seed());
            p.setLong(5, r.steps());
            setReal(p, 6, r.finalReturn());
            setReal(p, 7, r.bestReturn());
            p.setLong(8, r.startTime().toEpochMilli());
            p.setString(9, r.status().name());
            p.executeUpdate();
        } catch (SQLException e) {
            throw failure("update", e);
        }
    }

    /** All runs, oldest start first (ties by run folder). */
    public List<RunRecord> list() {
        return query("SELECT " + COLUMNS + " FROM runs ORDER BY start_time, run_dir", null);
    }

    /** The run with this folder, if indexed. */
    public Optional<RunRecord> find(String runDir) {
        return query("SELECT " + COLUMNS + " FROM runs WHERE run_dir = ?", runDir).stream().findFirst();
    }

    private List<RunRecord> query(String sql, String arg) {
        try (Connection c = connect(); PreparedStatement p = c.prepareStatement(sql)) {
            if (arg != null) {
                p.setString(1, arg);
            }
            List<RunRecord> out = new ArrayList<>();
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.add(new RunRecord(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5),
                            real(rs, 6), real(rs, 7), Instant.ofEpochMilli(rs.getLong(8)), status(rs.getString(9))));
                }
            }
            return out;
        } catch (SQLException e) {
            throw failure("read", e);
        }
    }

    private RunRecord.Status status(String s) {
        try {
            return RunRecord.Status.valueOf(s);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("run index " + file + " holds an unknown status '" + s + "'", e);
        }
    }

    private Connection connect() throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        return DriverManager.getConnection(url, config.toProperties());
    }

    private static void setReal(PreparedStatement p, int i, double v) throws SQLException {
        if (Double.isNaN(v)) {
            p.setNull(i, Types.REAL);
        } else {
            p.setDouble(i, v);
        }
    }

    private static double real(ResultSet rs, int i) throws SQLException {
        double v = rs.getDouble(i);
        return rs.wasNull() ? Double.NaN : v;
    }

    private IllegalStateException failure(String what, SQLException e) {
        return new IllegalStateException("cannot " + what + " run index " + file + ": " + e.getMessage(), e);
    }
}
