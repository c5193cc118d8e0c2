package org.deeprl4j.experiments.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

class ComparisonReportTest {
    @TempDir
    Path dir;

    /** Two learning rates times two seeds under runs/, plus one PPO run elsewhere. */
    private void fourDqnRuns() {
        FakeRun.finished(dir.resolve("runs/a0"), "E-v0", 0, Map.of("learning_rate", 0.001, "gamma", 0.99), 1, 30, 10);
        FakeRun.finished(dir.resolve("runs/a1"), "E-v0", 1, Map.of("gamma", 0.99, "learning_rate", 0.001), 3, 50, 20);
        FakeRun.finished(dir.resolve("runs/b0"), "E-v0", 0, Map.of("learning_rate", 0.0001, "gamma", 0.99), 5, 60, 60);
        FakeRun.finished(dir.resolve("runs/nested/b1"), "E-v0", 1, Map.of("learning_rate", 0.0001, "gamma", 0.99), 7, 80, 80);
    }

    @Test
    void runsAreGroupedByEverythingButTheSeed() {
        fourDqnRuns();
        ComparisonReport r = ComparisonReport.of(ComparisonReport.collect(List.of(dir.resolve("runs"))));
        assertEquals(2, r.groups().size());
        assertEquals(List.of("learning_rate"), r.varyingKeys());
        assertEquals(List.of("E-v0 dqn learning_rate=0.001", "E-v0 dqn learning_rate=1.0E-4"), r.labels());
        RunGroup a = r.groups().get(0);
        assertEquals(List.of(0L, 1L), a.runs().stream().map(RunFolder::seed).toList());
        assertEquals(15, a.stats().finalMean(), 1e-12);
        assertEquals(5, a.stats().finalStd(), 1e-12);
        assertEquals(40, a.stats().bestMean(), 1e-12);
        assertEquals(List.of("env", "algo", "learning_rate", "runs", "finished", "seeds", "final_mean", "final_std", "best_mean",
                "best_std", "steps_mean"), r.header());
        assertEquals(List.of("E-v0", "dqn", "0.001", "2", "2", "0 1", "15", "5", "40", "10", "100"), r.rows(true).get(0));
        assertEquals(List.of("E-v0", "dqn", "1.0E-4", "2", "2", "0 1", "70.00", "10.00", "70.00", "10.00", "100"),
                r.rows(false).get(1));
        String md = r.markdown();
        assertTrue(md.startsWith("| env | algo | learning_rate | runs |"), md);
        assertTrue(md.lines().skip(1).findFirst().orElseThrow().matches("\\|( --- \\|)+"), md);
        assertEquals(4, md.lines().count());
        assertEquals("E-v0 dqn: training return over seeds", r.title());
    }

    @Test
    void writesCsvAndAPlotWithABandPerGroup() throws Exception {
        fourDqnRuns();
        FakeRun.write(dir.resolve("other/p0"), "E-v0", "ppo", 0, Map.of("learning_rate", 0.001), 10, new double[] {1, 2},
                new double[][] {{20, 2}}, true);
        ComparisonReport r = ComparisonReport.of(ComparisonReport.collect(List.of(dir.resolve("runs"), dir.resolve("other"))));
        assertEquals(3, r.groups().size());
        List<Path> files = r.write(dir.resolve("out"));
        assertEquals(List.of(dir.resolve("out/comparison.csv"), dir.resolve("out/comparison.png"), dir.resolve("out/comparison.svg")),
                files);
        List<String> csv = Files.readAllLines(files.get(0));
        assertEquals("env,algo,n_timesteps,gamma,learning_rate,runs,finished,seeds,final_mean,final_std,best_mean,best_std,steps_mean",
                csv.get(0));
        assertEquals("E-v0,ppo,20,,0.001,1,1,0,2,0,2,0,20", csv.get(3));
        BufferedImage png = ImageIO.read(files.get(1).toFile());
        assertEquals(900, png.getWidth());
        DocumentBuilderFactory xml = DocumentBuilderFactory.newInstance();
        xml.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        assertEquals("svg", xml.newDocumentBuilder().parse(files.get(2).toFile()).getDocumentElement().getTagName());
        try (var s = Files.list(dir.resolve("out"))) {
            assertEquals(3, s.count(), "no temporary files left");
        }
    }

    @Test
    void thePlotHasAMeanLineAndAHiddenBandPerGroup() {
        fourDqnRuns();
        ComparisonReport r = ComparisonReport.of(ComparisonReport.collect(List.of(dir.resolve("runs"))));
        List<ComparisonPlot.Line> lines = List.of(new ComparisonPlot.Line("a", r.groups().get(0).curve()),
                new ComparisonPlot.Line("b", r.groups().get(1).curve()));
        XYChart chart = ComparisonPlot.chart("t", lines);
        assertEquals(List.of("a ± std", "a (n=2)", "b ± std", "b (n=2)"), List.copyOf(chart.getSeriesMap().keySet()));
        XYSeries band = chart.getSeriesMap().get("a ± std");
        assertFalse(band.isShowInLegend());
        assertEquals(XYSeries.XYSeriesRenderStyle.PolygonArea, band.getXYSeriesRenderStyle());
        double[] mean = chart.getSeriesMap().get("a (n=2)").getYData();
        assertEquals(2, mean[0], 1e-12, "returns 1 and 3 average to 2");
        double[] x = band.getXData();
        double[] y = band.getYData();
        double[] grid = chart.getSeriesMap().get("a (n=2)").getXData();
        assertEquals(2 * grid.length, x.length);
        int first = -1; // the polygon runs back along the lower edge, turns at the first step and returns along the upper
        int second = -1;
        for (int k = 0; k < x.length; k++) {
            if (x[k] == grid[0]) {
                if (first < 0) {
                    first = k;
                } else {
                    second = k;
                }
            }
        }
        assertEquals(1, y[first], 1e-12, "lower edge: mean - std");
        assertEquals(3, y[second], 1e-12, "upper edge: mean + std");
        assertEquals(1, second - first, "the polygon turns at the first step");
    }

    @Test
    void foldersThatAreNotRunsAreNamed() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty/sub"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ComparisonReport.collect(List.of(dir.resolve("empty"))));
        assertEquals(dir.resolve("empty") + " is not a run folder (no config.yaml) and holds no run folders", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ComparisonReport.collect(List.of(dir.resolve("nope"))));
        assertEquals(dir.resolve("nope") + ": no such folder", e.getMessage());
        Path file = Files.writeString(dir.resolve("f.txt"), "x");
        e = assertThrows(IllegalArgumentException.class, () -> ComparisonReport.collect(List.of(file)));
        assertEquals(file + " is not a folder", e.getMessage());
        Path broken = Files.createDirectories(dir.resolve("parent/broken"));
        Files.writeString(broken.resolve("config.yaml"), "seed: 1\n");
        e = assertThrows(IllegalArgumentException.class, () -> ComparisonReport.collect(List.of(dir.resolve("parent"))));
        assertTrue(e.getMessage().startsWith(broken.resolve("config.yaml").toString()), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ComparisonReport.of(List.of()));
        assertTrue(Files.isDirectory(empty));
    }

    @Test
    void runsOfDifferentLengthAreDifferentGroups() {
        FakeRun.write(dir.resolve("short"), "E-v0", "dqn", 0, Map.of("gamma", 0.9), 10, new double[] {1}, new double[][] {{10, 1}}, true);
        FakeRun.write(dir.resolve("long"), "E-v0", "dqn", 0, Map.of("gamma", 0.9), 10, new double[] {1, 2}, new double[][] {{20, 1}},
                true);
        ComparisonReport r = ComparisonReport.of(ComparisonReport.collect(List.of(dir)));
        assertEquals(2, r.groups().size());
        assertEquals(List.of("E-v0 dqn n_timesteps=20", "E-v0 dqn n_timesteps=10"), r.labels());
        assertEquals("n_timesteps", r.header().get(2));
    }

    @Test
    void aRunGivenTwiceCountsOnce() {
        fourDqnRuns();
        List<RunFolder> runs = ComparisonReport.collect(List.of(dir.resolve("runs/a0"), dir.resolve("runs"),
                dir.resolve("runs/../runs/a0")));
        assertEquals(4, runs.size());
        assertEquals(dir.resolve("runs/a0"), runs.get(0).dir());
    }
}
