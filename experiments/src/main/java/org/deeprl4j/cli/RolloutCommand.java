package org.deeprl4j.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.deeprl4j.env.Env;
import org.deeprl4j.env.Envs;
import org.deeprl4j.env.Reset;
import org.deeprl4j.env.Rng;
import org.deeprl4j.env.Step;
import org.deeprl4j.env.spaces.Space;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code deeprl4j rollout}: runs an environment with random or given actions and prints the
 * trajectory as JSON lines in {@link TrajectoryFormat}.
 *
 * <p>The first reset uses {@code --seed}; when an episode ends and steps remain, the environment is
 * reset without a seed (continuing its generator) and a new {@code t:0} line follows. The random
 * policy samples the action space with {@code new Rng(seed).split()}, a stream independent of the
 * environment's own generator (seeded with {@code seed} itself). With {@code --actions}, the given
 * actions are replayed in order and the rollout stops when they run out.
 */
@Command(name = "rollout",
        sortOptions = false,
        optionListHeading = "%nOptions:%n",
        description = "Run an environment and print its trajectory as JSON lines.",
        footer = {"",
            "Output, one line per reset and per step (no spaces, keys in this order):",
            "  {\"t\":0,\"obs\":[...]}",
            "  {\"t\":k,\"action\":A,\"obs\":[...],\"reward\":R,\"terminated\":B,\"truncated\":B}",
            "obs is the flattened observation (float32 values print so they parse back",
            "exactly; NaN prints as null, infinities as 1e309/-1e309). A is a number for",
            "Discrete actions and a list otherwise. When an episode ends and steps remain,",
            "the env is reset (no new seed) and k restarts at 1.",
            "",
            "Examples:",
            "  deeprl4j rollout --env CartPole-v1 --steps 5",
            "  deeprl4j rollout --env Pendulum-v1 --actions '0.5,-1,2'",
            "  deeprl4j rollout --env MyEnv-v0 --actions '0.5;-1,1;0'",
            "  deeprl4j rollout --env CartPole-v1 --kwargs max_episode_steps=10"})
public final class RolloutCommand implements Callable<Integer> {
    /** Steps run when neither --steps nor --actions is given. */
    public static final int DEFAULT_STEPS = 100;

    /** Action-selection policies available without a trained model. */
    public enum Policy { random }

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(names = "--env", required = true, paramLabel = "ID", description = "Environment id, e.g. CartPole-v1 (see 'deeprl4j envs').")
    String envId;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0",
            description = "Seed of the first reset; the random policy uses a split of it (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--steps", paramLabel = "N",
            description = "Number of steps, counted across episodes (default: " + DEFAULT_STEPS + ", or the number of --actions).")
    Integer steps;

    @Option(names = "--policy", paramLabel = "NAME",
            description = "How to choose actions: ${COMPLETION-CANDIDATES} (default: random; not with --actions).")
    Policy policy;

    @Option(names = "--actions", split = ",", paramLabel = "A",
            description = "Actions to replay, comma-separated; elements of one vector action are separated by ';'"
                    + " (quote it in the shell: '0.5;-1,1;0'). Stops when the list runs out.")
    List<String> actions;

    @Option(names = "--kwargs", split = ",", paramLabel = "K=V",
            description = "Environment keyword arguments, e.g. max_episode_steps=50.")
    List<String> kwargs;

    @Override
    public Integer call() {
        if (steps != null && steps <= 0) {
            throw new ParameterException(spec.commandLine(), "--steps must be a positive number of steps, got " + steps);
        }
        if (actions != null && policy != null) {
            throw new ParameterException(spec.commandLine(), "--actions and --policy cannot be combined: --actions replays the given actions");
        }
        Map<String, Object> kw = KwargsParser.parse(kwargs);
        try (Env<?, ?> env = Envs.make(envId, kw)) {
            return run(env, spec.commandLine().getOut());
        }
    }

    private <O, A> int run(Env<O, A> env, PrintWriter out) {
        Space<O> obsSpace = env.observationSpace();
        Space<A> actSpace = env.actionSpace();
        List<A> replay = actions == null ? null : ActionParser.parseAll(actions, actSpace);
        int total = steps != null ? steps : replay != null ? replay.size() : DEFAULT_STEPS;
        if (replay != null) {
            total = Math.min(total, replay.size());
        }
        Rng policyRng = new Rng(seed).split();
        Reset<O> reset = env.reset(seed);
        out.println(TrajectoryFormat.resetLine(obsSpace, reset.observation()));
        int t = 0;
        for (int i = 0; i < total; i++) {
            A action = replay != null ? replay.get(i) : actSpace.sample(policyRng);
            Step<O> step = env.step(action);
            t++;
            out.println(TrajectoryFormat.stepLine(t, actSpace, action, obsSpace, step));
            if (step.done() && i + 1 < total) {
                out.println(TrajectoryFormat.resetLine(obsSpace, env.reset().observation()));
                t = 0;
            }
            if ((i & 1023) == 1023 && out.checkError()) {
                return Main.FAILURE; // stdout closed (e.g. piped into head): stop quietly
            }
        }
        out.flush();
        return Main.OK;
    }
}
