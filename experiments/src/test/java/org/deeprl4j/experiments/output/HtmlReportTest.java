package org.deeprl4j.experiments.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.deeprl4j.agents.EvalResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {
    @TempDir
    Path dir;

    private static Map<String, Object> config() {
        Map<String, Object> net = new LinkedHashMap<>();
        net.put("net_arch", List.of(64, 64));
        net.put("activation", "<script>alert(1)</script>");
        Map<String, Object> cfg = new LinkedHashMap<>();
        cfg.put("learning_rate", 0.00025);
        cfg.put("policy_kwargs", net);
        cfg.put("weights", new double[] {0.5, 1.5});
        return cfg;
    }

    @Test
    void selfContainedReportWithEscapedMetadataConfigAndCurves() throws Exception {
        RunMetadata meta = new RunMetadata("Evil<&>\"'-v0", "dqn", 7, 50_000, "0.1.0-SNAPSHOT", "abc123");
        Path file = dir.resolve(HtmlReport.FILE);
        HtmlReport.write(file, meta, config(), new EvalResult(new double[] {490, 500}, new int[] {490, 500}),
                LearningCurveTest.history(80));
        String html = Files.readString(file);

        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.contains("<h1>Evil&lt;&amp;&gt;&quot;&#39;-v0 / dqn / seed 7</h1>"), html.substring(0, 800));
        assertFalse(html.contains("Evil<"));
        assertFalse(html.contains("<script"));
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assertTrue(html.contains("<th>policy_kwargs.net_arch</th><td><code>[64, 64]</code>"));
        assertTrue(html.contains("<th>weights</th><td><code>[0.5, 1.5]</code>"));
        assertTrue(html.contains("<th>learning_rate</th><td><code>2.5E-4</code>"));
        assertTrue(html.contains("<code>50,000</code>"));
        assertTrue(html.contains("<code>abc123</code>"));
        assertTrue(html.contains("<code>0.1.0-SNAPSHOT</code>"));
        assertTrue(html.contains("mean return 495.00 \u00b1 5.00 over 2 episodes"));
        assertTrue(html.contains("<h3>losses/td_loss</h3>"));
        // nothing fetched from the network: no external URLs, scripts, style sheets
        assertFalse(Pattern.compile("(src|href)=\"(https?:)?//").matcher(html).find());
        assertFalse(html.contains("<link"));
        Matcher img = Pattern.compile("src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"").matcher(html);
        int images = 0;
        while (img.find()) {
            byte[] png = Base64.getDecoder().decode(img.group(1));
            assertTrue(ImageIO.read(new ByteArrayInputStream(png)).getWidth() > 0);
            images++;
        }
        assertEquals(2, images); // learning curve + losses/td_loss
    }

    @Test
    void missingCommitAndEvaluationAreStated() {
        String html = HtmlReport.render(new RunMetadata("CartPole-v1", "dqn", 0, 10, "0.1.0", null), Map.of(), null,
                new RunHistory(List.of(), List.of(), Map.of()));
        assertTrue(html.contains("<th>git commit</th><td><code>unknown</code>"));
        assertTrue(html.contains("<p>No final evaluation.</p>"));
    }

    @Test
    void escapeCoversAllHtmlSpecialCharacters() {
        assertEquals("a&amp;b&lt;c&gt;d&quot;e&#39;f", HtmlReport.escape("a&b<c>d\"e'f"));
    }

    @Test
    void metadataIsValidated() {
        assertThrows(IllegalArgumentException.class, () -> new RunMetadata(" ", "dqn", 0, 1, "v", null));
        assertThrows(IllegalArgumentException.class, () -> new RunMetadata("e", "dqn", 0, -1, "v", null));
    }
}
