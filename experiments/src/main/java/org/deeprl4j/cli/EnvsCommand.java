package org.deeprl4j.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.deeprl4j.env.Env;
import org.deeprl4j.env.EnvSpec;
import org.deeprl4j.env.Envs;
import org.deeprl4j.env.spaces.Space;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code deeprl4j envs}: lists the registered environments with their spaces (found by creating
 * each environment once with its default arguments), time limit and reward threshold. An
 * environment that cannot be created is listed with its error and makes the command exit 1.
 */
@Command(name = "envs",
        sortOptions = false,
        optionListHeading = "%nOptions:%n",
        description = "List the registered environments with their spaces, time limit and reward threshold.",
        footer = {"", "--json prints an array of objects with the keys id, observation_space,",
            "action_space (Gym HTTP API space descriptions; infinite bounds as +-1e100),",
            "max_episode_steps, reward_threshold (null when undefined), deterministic",
            "and kwargs (default keyword arguments)."})
public final class EnvsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(names = "--json", description = "Print machine-readable JSON instead of a table.")
    boolean json;

    /** What one environment looks like, or why it could not be created. */
    private record Info(EnvSpec spec, Space<?> obs, Space<?> act, String error) {
    }

    @Override
    public Integer call() throws JsonProcessingException {
        List<Info> infos = new ArrayList<>();
        for (EnvSpec s : Envs.all()) {
            infos.add(describe(s));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(toJson(infos));
        } else {
            out.print(toTable(infos));
        }
        out.flush();
        int failed = 0;
        for (Info i : infos) {
            if (i.error() != null) {
                spec.commandLine().getErr().println(Main.ERROR_PREFIX + "cannot create " + i.spec().id() + ": " + i.error());
                failed++;
            }
        }
        return failed == 0 ? Main.OK : Main.FAILURE;
    }

    private static Info describe(EnvSpec s) {
        try (Env<?, ?> env = Envs.make(s.id())) {
            return new Info(s, env.observationSpace(), env.actionSpace(), null);
        } catch (RuntimeException e) {
            return new Info(s, null, null, e.getMessage() == null ? e.getClass().getName() : e.getMessage());
        }
    }

    private static String toTable(List<Info> infos) {
        TextTable t = new TextTable("ID", "OBSERVATION SPACE", "ACTION SPACE", "MAX STEPS", "REWARD THRESHOLD");
        for (Info i : infos) {
            EnvSpec s = i.spec();
            String obs = i.obs() == null ? "(error)" : i.obs().toString();
            String act = i.act() == null ? "(error)" : i.act().toString();
            t.add(s.id(), obs, act, s.maxEpisodeSteps() == null ? "-" : s.maxEpisodeSteps().toString(),
                    s.rewardThreshold() == null ? "-" : s.rewardThreshold().toString());
        }
        return t.render();
    }

    private static String toJson(List<Info> infos) throws JsonProcessingException {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Info i : infos) {
            EnvSpec s = i.spec();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", s.id());
            m.put("observation_space", i.obs() == null ? null : i.obs().toJson());
            m.put("action_space", i.act() == null ? null : i.act().toJson());
            m.put("max_episode_steps", s.maxEpisodeSteps());
            m.put("reward_threshold", s.rewardThreshold());
            m.put("deterministic", s.deterministic());
            Map<String, Object> kw = new LinkedHashMap<>();
            s.kwargs().forEach((k, v) -> kw.put(k, v instanceof Number || v instanceof Boolean || v instanceof String
                    ? v : String.valueOf(v)));
            m.put("kwargs", kw);
            if (i.error() != null) {
                m.put("error", i.error());
            }
            list.add(m);
        }
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(list);
    }
}
