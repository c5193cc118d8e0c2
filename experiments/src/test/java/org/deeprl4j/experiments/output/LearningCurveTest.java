package org.deeprl4j.experiments.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.deeprl4j.agents.EpisodeRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.w3c.dom.Document;

class LearningCurveTest {
    @TempDir
    Path dir;

    static RunHistory history(int episodes) {
        List<EpisodeRecord> eps = new ArrayList<>();
        for (int i = 0; i < episodes; i++) {
            eps.add(new EpisodeRecord(20L * (i + 1), 0, 10 + i % 7 + i * 0.5, 20, Double.NaN));
        }
        return new RunHistory(eps, List.of(new RunHistory.EvalPoint(500, 30, 4, 5), new RunHistory.EvalPoint(1000, 45, 2, 5)),
                Map.of("losses/td_loss", List.of(new RunHistory.MetricPoint(100, 1.0), new RunHistory.MetricPoint(200, 0.5))));
    }

    @Test
    void movingAverageIsTrailingOverAtMostWindowValues() {
        assertArrayEquals(new double[] {1, 1.5, 2.5, 3.5}, LearningCurve.movingAverage(new double[] {1, 2, 3, 4}, 2), 1e-12);
        assertArrayEquals(new double[] {2, 3, 4}, LearningCurve.movingAverage(new double[] {2, 4, 6}, 5), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> LearningCurve.movingAverage(new double[1], 0));
    }

    @Test
    void chartHasReturnsMovingAverageAndEvaluations() {
        XYChart chart = LearningCurve.chart(history(60), "CartPole-v1 dqn");
        assertEquals(List.of("episode return", "mean of last 100", "evaluation mean"), List.copyOf(chart.getSeriesMap().keySet()));
        double[] avg = chart.getSeriesMap().get("mean of last 100").getYData();
        assertEquals(60, avg.length);
        double[] raw = chart.getSeriesMap().get("episode return").getYData();
        assertEquals(java.util.Arrays.stream(raw).average().orElseThrow(), avg[59], 1e-9);
        assertEquals(List.of(), List.copyOf(LearningCurve.chart(new RunHistory(List.of(), List.of(), Map.of()), "x")
                .getSeriesMap().keySet()));
    }

    @Test
    void writesPngAndSvgWithoutADisplay() throws Exception {
        LearningCurve.movingAverage(new double[0], 1); // class initialised: headless unless set explicitly
        assertEquals("true", System.getProperty("java.awt.headless"));
        assertTrue(GraphicsEnvironment.isHeadless());
        List<Path> files = LearningCurve.write(history(150), "CartPole-v1 <dqn>", dir);
        assertEquals(List.of(dir.resolve(LearningCurve.PNG), dir.resolve(LearningCurve.SVG)), files);
        BufferedImage png = ImageIO.read(files.get(0).toFile());
        assertEquals(800, png.getWidth());
        assertEquals(450, png.getHeight());
        DocumentBuilderFactory xml = DocumentBuilderFactory.newInstance();
        xml.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false); // offline
        Document svg = xml.newDocumentBuilder().parse(files.get(1).toFile());
        assertEquals("svg", svg.getDocumentElement().getNodeName());
        assertEquals("0 0 800 450", svg.getDocumentElement().getAttribute("viewBox"));
        // XChart draws text as glyph outlines; the evaluation series shows up by its colour
        assertTrue(Files.readString(files.get(1)).contains("rgb(214,39,40)"));
    }

    @Test
    void emptyHistoryAndMetricChartsRender() throws Exception {
        byte[] png = LearningCurve.png(LearningCurve.chart(new RunHistory(List.of(), List.of(), Map.of()), "empty"));
        assertEquals(800, ImageIO.read(new ByteArrayInputStream(png)).getWidth());
        XYChart m = LearningCurve.metricChart("losses/td_loss", history(1).metrics().get("losses/td_loss"));
        assertArrayEquals(new double[] {1.0, 0.5}, m.getSeriesMap().get("losses/td_loss").getYData());
        assertTrue(ImageIO.read(new ByteArrayInputStream(LearningCurve.png(m))).getHeight() > 0);
    }
}
