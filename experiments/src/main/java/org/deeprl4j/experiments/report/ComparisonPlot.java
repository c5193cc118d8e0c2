package org.deeprl4j.experiments.report;

import java.awt.Color;
import java.nio.file.Path;
import java.util.List;
import org.deeprl4j.experiments.output.LearningCurve;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Comparison plot with XChart: per group of runs, the mean training-return curve over seeds as a line
 * and mean ± std as a translucent band ({@link MeanCurve}). Rendered with the learning curve's
 * encoders ({@link LearningCurve#png}, {@link LearningCurve#svg}).
 */
public final class ComparisonPlot {
    /** Matplotlib's tab10 colours, reused in order. */
    private static final int[] PALETTE = {0x1f77b4, 0xff7f0e, 0x2ca02c, 0xd62728, 0x9467bd, 0x8c564b, 0xe377c2, 0x7f7f7f,
        0xbcbd22, 0x17becf};

    /** One line of the plot. */
    public record Line(String label, MeanCurve curve) {
    }

    private ComparisonPlot() {
    }

    /** The chart; lines with empty curves are left out, labels must be distinct. */
    public static XYChart chart(String title, List<Line> lines) {
        XYChart chart = new XYChartBuilder().width(900).height(500).title(title).xAxisTitle("env steps")
                .yAxisTitle("episode return (mean of last " + LearningCurve.WINDOW + ", mean ± std over seeds)").build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotGridLinesVisible(true);
        chart.getStyler().setAntiAlias(true);
        chart.getStyler().setXAxisDecimalPattern("#,###");
        int k = 0;
        for (Line line : lines) {
            if (line.curve().isEmpty()) {
                continue;
            }
            Color color = new Color(PALETTE[k++ % PALETTE.length]);
            addBand(chart, line, color);
            MeanCurve c = line.curve();
            XYSeries mean = chart.addSeries(line.label() + " (n=" + c.runs() + ")", c.steps(), c.mean());
            mean.setLineColor(color);
            mean.setMarkerColor(color);
            mean.setMarker(c.steps().length == 1 ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
        }
        return chart;
    }

    private static void addBand(XYChart chart, Line line, Color color) {
        MeanCurve c = line.curve();
        int n = c.steps().length;
        if (n < 2) {
            return;
        }
        double[] ex = new double[2 * n]; // the polygon: upper edge forward, lower edge back
        double[] ey = new double[2 * n];
        for (int i = 0; i < n; i++) {
            ex[i] = c.steps()[i];
            ey[i] = c.mean()[i] + c.std()[i];
            ex[2 * n - 1 - i] = c.steps()[i];
            ey[2 * n - 1 - i] = c.mean()[i] - c.std()[i];
        }
        // Start the polygon mid-way along the upper edge: XChart puts the x-axis ticks on the data
        // points (at odd values such as 34, 221, 408) when the chart's x values, in the order the
        // series list them, are evenly spaced, as a lone curve's grid is; starting mid-way breaks that
        // order and keeps round tick values. The shape is the same closed polygon.
        double[] x = new double[2 * n];
        double[] y = new double[2 * n];
        for (int k = 0; k < 2 * n; k++) {
            x[k] = ex[(k + n / 2) % (2 * n)];
            y[k] = ey[(k + n / 2) % (2 * n)];
        }
        XYSeries band = chart.addSeries(line.label() + " ± std", x, y);
        band.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
        band.setFillColor(new Color(color.getRed(), color.getGreen(), color.getBlue(), 50));
        band.setLineColor(new Color(color.getRed(), color.getGreen(), color.getBlue(), 0));
        band.setMarker(SeriesMarkers.NONE);
        band.setShowInLegend(false);
    }

    /**
     * Writes the chart as {@code <name>.png} and {@code <name>.svg} into {@code dir}.
     *
     * @return the two files, PNG first
     */
    public static List<Path> write(XYChart chart, Path dir, String name) {
        Path png = dir.resolve(name + ".png");
        Path svg = dir.resolve(name + ".svg");
        ReportFiles.writeAtomically(png, LearningCurve.png(chart));
        ReportFiles.writeAtomically(svg, LearningCurve.svg(chart));
        return List.of(png, svg);
    }
}
