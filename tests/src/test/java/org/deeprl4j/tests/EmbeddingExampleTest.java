package org.deeprl4j.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.deeprl4j.agents.ConfigBinder;
import org.deeprl4j.agents.Policy;
import org.deeprl4j.agents.TrainOptions;
import org.deeprl4j.agents.Trainer;
import org.deeprl4j.agents.TrainingEnvs;
import org.deeprl4j.agents.TrainingListener;
import org.deeprl4j.agents.ppo.Ppo;
import org.deeprl4j.agents.ppo.PpoAgent;
import org.deeprl4j.agents.ppo.PpoConfig;
import org.deeprl4j.env.Env;
import org.deeprl4j.env.Envs;
import org.deeprl4j.env.Rng;
import org.deeprl4j.env.vector.VectorEnv;
import org.deeprl4j.nn.ModelFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's "Embedding deeprl4j in Java" example, compiled and run: the code between the
 * README markers below must equal the README's Java block (indentation aside), so the README
 * cannot drift from the API.
 */
class EmbeddingExampleTest {
    private static final String BEGIN = "// README-BEGIN embedding";
    private static final String END = "// README-END embedding";
    private static final String SECTION = "## Embedding deeprl4j in Java";

    // README-BEGIN embedding
    static int trainSaveLoadAct(Path modelFile, long steps) throws IOException {
        Ppo ppo = new Ppo();
        PpoConfig config = ConfigBinder.override(PpoConfig.defaults(), Map.of("n_steps", 256, "batch_size", 64));
        try (VectorEnv envs = TrainingEnvs.vector("CartPole-v1", Map.of(), config.numEnvs(), false)) {
            PpoAgent agent = ppo.createAgent(config, envs.observationSpace(), envs.actionSpace(), steps, new Rng(0));
            TrainingListener progress = TrainingListener.episodes(e -> System.out.printf("step %d: return %.0f%n",
                    e.step(), e.episodeReturn()));
            new Trainer(agent, envs, () -> TrainingEnvs.make("CartPole-v1", Map.of()), List.of(progress))
                    .run(TrainOptions.of(steps, 0));
            ppo.save(modelFile, agent, "CartPole-v1", envs);
        }
        Policy policy = ppo.loadPolicy(ModelFile.loadAll(modelFile));
        try (Env<?, ?> env = Envs.make("CartPole-v1")) {
            float[] action = new float[1];
            policy.act((float[]) env.reset(42).observation(), 1, 0, action);
            return Math.round(action[0]);
        }
    }
    // README-END embedding

    @Test
    void theExampleTrainsWithACallbackSavesLoadsAndActs(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("ppo-cartpole.zip");
        PrintStream stdout = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int action;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            action = trainSaveLoadAct(model, 512);
        } finally {
            System.setOut(stdout);
        }
        assertTrue(action == 0 || action == 1, "a CartPole action: " + action);
        assertTrue(Files.size(model) > 0);
        List<String> lines = captured.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("step ")).toList();
        assertTrue(lines.size() >= 5, "the listener saw the episodes: " + lines);
        assertTrue(lines.get(0).matches("step \\d+: return \\d+"), lines.get(0));

        // the README's note: the saved file holds what `deeprl4j evaluate` needs to play it
        CliEndToEndTest.Result eval = CliEndToEndTest.cli("evaluate", model.toString(), "--episodes", "2");
        assertEquals(0, eval.code(), eval.err());
        assertTrue(eval.out().contains("CartPole-v1"), eval.out());
    }

    @Test
    void theReadmeShowsExactlyThisCode() throws IOException {
        Path root = repositoryRoot();
        List<String> source = Files.readAllLines(root.resolve("tests/src/test/java/org/deeprl4j/tests/EmbeddingExampleTest.java"));
        int from = indexOfTrimmed(source, BEGIN, 0) + 1;
        List<String> example = dedent(source.subList(from, indexOfTrimmed(source, END, from)));
        List<String> readme = Files.readAllLines(root.resolve("README.md"));
        int section = indexOfTrimmed(readme, SECTION, 0);
        int open = indexOfTrimmed(readme, "```java", section) + 1;
        List<String> block = dedent(readme.subList(open, indexOfTrimmed(readme, "```", open)));
        assertEquals(String.join("\n", example), String.join("\n", block),
                "README.md's '" + SECTION + "' block must equal the code between the markers in this test");
    }

    private static Path repositoryRoot() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("README.md")) && Files.isDirectory(p.resolve("tests"))) {
                return p;
            }
        }
        throw new IllegalStateException("no README.md above " + Path.of("").toAbsolutePath());
    }

    private static int indexOfTrimmed(List<String> lines, String text, int from) {
        for (int i = from; i < lines.size(); i++) {
            if (lines.get(i).trim().equals(text)) {
                return i;
            }
        }
        throw new AssertionError("no line '" + text + "' after line " + from);
    }

    /** The lines without trailing spaces and without the indentation they all share. */
    private static List<String> dedent(List<String> lines) {
        int indent = lines.stream().filter(l -> !l.isBlank()).mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        List<String> out = new ArrayList<>();
        for (String l : lines) {
            out.add(l.isBlank() ? "" : l.substring(indent).stripTrailing());
        }
        return out;
    }
}
