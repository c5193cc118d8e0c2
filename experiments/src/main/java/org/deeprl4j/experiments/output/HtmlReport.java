package org.deeprl4j.experiments.output;

import java.lang.reflect.Array;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.deeprl4j.agents.EvalResult;
import org.knowm.xchart.XYChart;

/**
 * A self-contained HTML report of one run: metadata, final evaluation, the learning curve and a
 * curve per {@code losses/...} metric (base64 PNGs in {@code data:} URIs), and the resolved config.
 * No scripts, no external style sheets, fonts or images: it opens offline. All text is escaped.
 */
public final class HtmlReport {
    public static final String FILE = "report.html";

    private static final String CSS = """
            body{font-family:system-ui,-apple-system,Segoe UI,Helvetica,Arial,sans-serif;margin:2em auto;max-width:60em;\
            color:#222;padding:0 1em}
            h1{font-size:1.5em}h2{font-size:1.2em;margin-top:1.5em;border-bottom:1px solid #ddd}
            table{border-collapse:collapse}td,th{padding:.2em .8em;border-bottom:1px solid #eee;text-align:left;\
            vertical-align:top}th{font-weight:600}code{font-family:ui-monospace,Menlo,Consolas,monospace}
            img{max-width:100%;height:auto}
            """;

    private HtmlReport() {
    }

    /**
     * Writes the report to {@code file} (atomically).
     *
     * @param config the resolved config (nested maps and lists are shown with dotted keys)
     * @param finalEvaluation the final greedy evaluation, or null when none ran
     */
    public static void write(Path file, RunMetadata meta, Map<String, ?> config, EvalResult finalEvaluation,
                             RunHistory history) {
        OutputFiles.writeAtomically(file, render(meta, config, finalEvaluation, history).getBytes(StandardCharsets.UTF_8));
    }

    /** The report's HTML. */
    public static String render(RunMetadata meta, Map<String, ?> config, EvalResult finalEvaluation, RunHistory history) {
        String title = meta.envId() + " / " + meta.algo() + " / seed " + meta.seed();
        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(escape("deeprl4j: " + title)).append("</title>\n<style>").append(CSS)
                .append("</style>\n</head>\n<body>\n<h1>").append(escape(title)).append("</h1>\n");
        h.append("<h2>Run</h2>\n<table>\n");
        row(h, "env", meta.envId());
        row(h, "algorithm", meta.algo());
        row(h, "seed", Long.toString(meta.seed()));
        row(h, "env steps", String.format(Locale.ROOT, "%,d", meta.steps()));
        row(h, "training episodes", Integer.toString(history.episodes().size()));
        row(h, "deeprl4j version", meta.version());
        row(h, "git commit", meta.gitCommit() == null ? "unknown" : meta.gitCommit());
        h.append("</table>\n<h2>Final evaluation</h2>\n");
        if (finalEvaluation == null) {
            h.append("<p>No final evaluation.</p>\n");
        } else {
            h.append("<p>").append(escape(String.format(Locale.ROOT, "mean return %.2f \u00b1 %.2f over %d episodes (mean length %.1f)",
                    finalEvaluation.mean(), finalEvaluation.std(), finalEvaluation.returns().length,
                    finalEvaluation.meanLength()))).append("</p>\n");
        }
        h.append("<h2>Learning curve</h2>\n");
        image(h, LearningCurve.chart(history, title), "learning curve");
        history.metrics().forEach((name, points) -> {
            if (name.startsWith("losses/") && !points.isEmpty()) {
                h.append("<h3>").append(escape(name)).append("</h3>\n");
                image(h, LearningCurve.metricChart(name, points), name);
            }
        });
        h.append("<h2>Resolved config</h2>\n<table>\n");
        flatten("", config, h);
        h.append("</table>\n</body>\n</html>\n");
        return h.toString();
    }

    /** Escapes {@code & < > " '} for HTML text and attribute values. */
    public static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    private static void image(StringBuilder h, XYChart chart, String alt) {
        h.append("<img alt=\"").append(escape(alt)).append("\" src=\"data:image/png;base64,")
                .append(Base64.getEncoder().encodeToString(LearningCurve.png(chart))).append("\">\n");
    }

    private static void row(StringBuilder h, String key, String value) {
        h.append("<tr><th>").append(escape(key)).append("</th><td><code>").append(escape(value)).append("</code></td></tr>\n");
    }

    private static void flatten(String prefix, Map<?, ?> map, StringBuilder h) {
        if (map.isEmpty() && !prefix.isEmpty()) {
            row(h, prefix, "{}");
        }
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String key = prefix.isEmpty() ? String.valueOf(e.getKey()) : prefix + "." + e.getKey();
            if (e.getValue() instanceof Map<?, ?> nested) {
                flatten(key, nested, h);
            } else {
                row(h, key, show(e.getValue()));
            }
        }
    }

    private static String show(Object v) {
        if (v instanceof Collection<?> c) {
            return c.stream().map(HtmlReport::show).collect(Collectors.joining(", ", "[", "]"));
        }
        if (v != null && v.getClass().isArray()) {
            List<Object> items = new ArrayList<>();
            for (int i = 0; i < Array.getLength(v); i++) {
                items.add(Array.get(v, i));
            }
            return show(items);
        }
        return String.valueOf(v);
    }
}
