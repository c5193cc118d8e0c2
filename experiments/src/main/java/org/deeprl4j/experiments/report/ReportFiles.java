package org.deeprl4j.experiments.report;

import org.deeprl4j.experiments.output.OutputFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** File and table-text helpers for reports and sweeps. */
public final class ReportFiles {
    private ReportFiles() {
    }

    /** {@link OutputFiles#writeAtomically}: readers see the old or the new file, never half. */
    public static void writeAtomically(Path file, byte[] bytes) {
        OutputFiles.writeAtomically(file, bytes);
    }

    /** {@link #writeAtomically} of UTF-8 text. */
    public static void writeAtomically(Path file, String text) {
        writeAtomically(file, text.getBytes(StandardCharsets.UTF_8));
    }

    /** A CSV field, quoted when it holds a comma, quote or line break (RFC 4180). */
    public static String csvField(String s) {
        return OutputFiles.csvField(s);
    }

    /** One CSV line (with its newline) of {@code cells}. */
    public static String csvLine(List<String> cells) {
        return cells.stream().map(ReportFiles::csvField).collect(Collectors.joining(",")) + "\n";
    }

    /** A number for a CSV cell: full precision, integral values without a fraction, NaN as an empty cell. */
    public static String csvNumber(double v) {
        return OutputFiles.number(v);
    }

    /** A number for a human-readable table: two decimals, NaN as "-". */
    public static String tableNumber(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.2f", v);
    }

    /** A GitHub-flavoured Markdown table ({@code |} in cells escaped). */
    public static String markdown(List<String> header, List<List<String>> rows) {
        StringBuilder sb = new StringBuilder();
        sb.append(markdownRow(header));
        sb.append(markdownRow(header.stream().map(h -> "---").toList()));
        for (List<String> row : rows) {
            if (row.size() != header.size()) {
                throw new IllegalArgumentException("row has " + row.size() + " cells but the table has " + header.size()
                        + " columns: " + row);
            }
            sb.append(markdownRow(row));
        }
        return sb.toString();
    }

    private static String markdownRow(List<String> cells) {
        return "| " + cells.stream().map(c -> c.replace("|", "\\|")).collect(Collectors.joining(" | ")) + " |\n";
    }
}
