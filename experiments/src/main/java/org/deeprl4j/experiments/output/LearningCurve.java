package org.deeprl4j.experiments.output;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.deeprl4j.agents.EpisodeRecord;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Learning-curve plots with XChart: episode returns against env steps (faint points), their
 * trailing moving average over {@value #WINDOW} episodes (the window of SB3's
 * {@code ep_rew_mean} and our {@code charts/episodic_return}), and the evaluation means with
 * their standard deviation as error bars when the run evaluated. Rendering needs no display:
 * loading this class sets {@code java.awt.headless=true} unless the property was set already.
 */
public final class LearningCurve {
    /** Files written by {@link #write}. */
    public static final String PNG = "learning_curve.png";
    public static final String SVG = "learning_curve.svg";
    /** Episodes in the moving average. */
    public static final int WINDOW = 100;

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private LearningCurve() {
    }

    /** The learning-curve chart of {@code history}; an empty history gives an empty chart. */
    public static XYChart chart(RunHistory history, String title) {
        XYChart chart = base(title, "episode return");
        List<EpisodeRecord> eps = history.episodes();
        if (!eps.isEmpty()) {
            double[] steps = eps.stream().mapToDouble(EpisodeRecord::step).toArray();
            double[] returns = eps.stream().mapToDouble(EpisodeRecord::episodeReturn).toArray();
            XYSeries raw = chart.addSeries("episode return", steps, returns);
            raw.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            raw.setMarker(SeriesMarkers.CIRCLE);
            raw.setMarkerColor(new Color(31, 119, 180, 70));
            XYSeries avg = chart.addSeries("mean of last " + WINDOW, steps, movingAverage(returns, WINDOW));
            avg.setMarker(SeriesMarkers.NONE);
            avg.setLineColor(new Color(31, 119, 180));
        }
        List<RunHistory.EvalPoint> evals = history.evaluations();
        if (!evals.isEmpty()) {
            XYSeries ev = chart.addSeries("evaluation mean",
                    evals.stream().mapToDouble(RunHistory.EvalPoint::step).toArray(),
                    evals.stream().mapToDouble(RunHistory.EvalPoint::mean).toArray(),
                    evals.stream().mapToDouble(RunHistory.EvalPoint::std).toArray());
            ev.setMarker(SeriesMarkers.DIAMOND);
            ev.setLineColor(new Color(214, 39, 40));
            ev.setMarkerColor(new Color(214, 39, 40));
        }
        return chart;
    }

    /** A line chart of one logged metric (e.g. {@code losses/td_loss}) against env steps. */
    public static XYChart metricChart(String name, List<RunHistory.MetricPoint> points) {
        XYChart chart = base(name, name);
        if (!points.isEmpty()) {
            XYSeries s = chart.addSeries(name, points.stream().mapToDouble(RunHistory.MetricPoint::step).toArray(),
                    points.stream().mapToDouble(RunHistory.MetricPoint::value).toArray());
            s.setMarker(SeriesMarkers.NONE);
        }
        chart.getStyler().setLegendVisible(false);
        return chart;
    }

    /**
     * Writes {@value #PNG} and {@value #SVG} into {@code dir}.
     *
     * @return the two files, PNG first
     */
    public static List<Path> write(RunHistory history, String title, Path dir) {
        XYChart chart = chart(history, title);
        Path png = dir.resolve(PNG);
        Path svg = dir.resolve(SVG);
        OutputFiles.writeAtomically(png, png(chart));
        OutputFiles.writeAtomically(svg, svg(chart));
        return List.of(png, svg);
    }

    /** The chart as PNG bytes. */
    public static byte[] png(XYChart chart) {
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render chart '" + chart.getTitle() + "' as PNG: " + e.getMessage(), e);
        }
    }

    /** The chart as an SVG document. */
    public static byte[] svg(XYChart chart) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            VectorGraphicsEncoder.saveVectorGraphic(chart, out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render chart '" + chart.getTitle() + "' as SVG: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    /** Trailing mean: element i is the mean of {@code values[max(0, i - window + 1) .. i]}. */
    public static double[] movingAverage(double[] values, int window) {
        if (window <= 0) {
            throw new IllegalArgumentException("window must be positive, got " + window);
        }
        double[] out = new double[values.length];
        double sum = 0;
        for (int i = 0; i < values.length; i++) {
            sum += values[i];
            if (i >= window) {
                sum -= values[i - window];
            }
            out[i] = sum / Math.min(i + 1, window);
        }
        return out;
    }

    private static XYChart base(String title, String yAxis) {
        XYChart chart = new XYChartBuilder().width(800).height(450).title(title).xAxisTitle("env steps").yAxisTitle(yAxis)
                .build();
        XYStyler s = chart.getStyler();
        s.setLegendPosition(Styler.LegendPosition.InsideNW);
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotGridLinesVisible(true);
        s.setAntiAlias(true);
        s.setXAxisDecimalPattern("#,###");
        return chart;
    }
}
