package org.deeprl4j.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.deeprl4j.env.Suggestions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The {@code deeprl4j} command line: one picocli command class per verb.
 *
 * <p>Add a verb by writing its {@code @Command} class in this package (with the {@link CommonOptions}
 * mixin) and listing it in {@code subcommands} below: that one line is the whole registration.
 *
 * <p>Exit codes: {@value #OK} success, {@value #FAILURE} failure (a check found errors, a runtime
 * error), {@value #USAGE} bad usage (unknown verb or option, bad option value, unknown env id,
 * invalid action). Errors print one line to stderr prefixed {@value #ERROR_PREFIX}; the stack
 * trace follows only with {@code --verbose} or the environment variable {@code DEEPRL4J_DEBUG=1}.
 * An {@link IllegalArgumentException} from the library (unknown env id, bad kwargs, invalid
 * action) counts as bad usage.
 */
@Command(name = "deeprl4j",
        versionProvider = VersionProvider.class,
        sortOptions = false,
        synopsisSubcommandLabel = "COMMAND",
        description = "Deep reinforcement learning for the JVM: environments, agents and experiments.",
        optionListHeading = "%nOptions:%n",
        commandListHeading = "%nCommands:%n",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:failure (e.g. check-env found errors, runtime error)",
            "2:bad usage (unknown command/option/env id, bad value, invalid action)"},
        footer = {"", "Run 'deeprl4j COMMAND --help' for a command's options."},
        subcommands = {
            EnvsCommand.class,
            CheckEnvCommand.class,
            RolloutCommand.class,
            TrainCommand.class,
            EvaluateCommand.class,
            ServeCommand.class,
            RunsCommand.class,
            SweepCommand.class,
            ReportCommand.class,
            BenchCommand.class,
            CommandLine.HelpCommand.class,
        })
public final class Main implements Callable<Integer> {
    /** Exit code for success. */
    public static final int OK = 0;
    /** Exit code for a failure at run time (or a check that found errors). */
    public static final int FAILURE = 1;
    /** Exit code for bad usage. */
    public static final int USAGE = 2;
    /** Prefix of every error line on stderr. */
    public static final String ERROR_PREFIX = "deeprl4j: error: ";
    private static final Pattern UNKNOWN_SUBCOMMAND = Pattern.compile("Unknown subcommand '(.*)'");

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(names = {"-V", "--version"}, versionHelp = true, description = "Print version information and exit.")
    boolean version;

    /** Runs the command line and exits with its exit code. */
    public static void main(String[] args) {
        System.exit(run(System.out, System.err, args));
    }

    /**
     * Runs the command line in-process, writing to {@code out} and {@code err}, and returns the
     * exit code instead of exiting (for tests and embedding).
     */
    public static int run(PrintStream out, PrintStream err, String... args) {
        PrintWriter o = new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), false);
        PrintWriter e = new PrintWriter(new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8), true);
        CommandLine cl = commandLine(o, e);
        try {
            return cl.execute(args);
        } finally {
            o.flush();
            e.flush();
        }
    }

    /** The configured picocli command line (exposed for tests that inspect the command tree). */
    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        cl.setParameterExceptionHandler(Main::handleParameterException);
        cl.setExecutionExceptionHandler(Main::handleExecutionException);
        return cl;
    }

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "missing command (one of: "
                + String.join(", ", verbs(spec.commandLine())) + ")");
    }

    private static int handleParameterException(ParameterException ex, String[] args) {
        CommandLine cl = ex.getCommandLine();
        PrintWriter err = cl.getErr();
        err.println(ERROR_PREFIX + describe(ex) + "; see '" + cl.getCommandSpec().qualifiedName() + " --help'");
        CommandLine root = cl;
        while (root.getParent() != null) {
            root = root.getParent();
        }
        if (debug(root.getParseResult())) {
            ex.printStackTrace(err);
        }
        err.flush();
        return USAGE;
    }

    private static String describe(ParameterException ex) {
        if (!(ex instanceof UnmatchedArgumentException u) || u.getUnmatched().isEmpty()) {
            String msg = String.valueOf(ex.getMessage()).strip();
            msg = msg.endsWith(".") ? msg.substring(0, msg.length() - 1) : msg;
            Matcher m = UNKNOWN_SUBCOMMAND.matcher(msg); // from `deeprl4j help NAME`
            return m.matches() ? unknownCommand(m.group(1), ex.getCommandLine()) : msg;
        }
        CommandSpec spec = u.getCommandLine().getCommandSpec();
        String arg = u.getUnmatched().get(0);
        if (arg.startsWith("-")) {
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            return "unknown option '" + name + "' for '" + spec.qualifiedName() + "'"
                    + Suggestions.didYouMean(name, spec.optionsMap().keySet());
        }
        if (!spec.subcommands().isEmpty()) {
            return unknownCommand(arg, u.getCommandLine());
        }
        return "unexpected argument '" + arg + "' for '" + spec.qualifiedName() + "'";
    }

    private static String unknownCommand(String name, CommandLine cl) {
        return "unknown command '" + name + "'" + Suggestions.didYouMean(name, verbs(cl));
    }

    private static int handleExecutionException(Exception ex, CommandLine cl, ParseResult parsed) {
        PrintWriter err = cl.getErr();
        cl.getOut().flush();
        String msg = ex.getMessage() == null || ex.getMessage().isBlank() ? ex.getClass().getName() : ex.getMessage();
        err.println(ERROR_PREFIX + msg.replace('\n', ' '));
        if (debug(parsed)) {
            ex.printStackTrace(err);
        }
        err.flush();
        return ex instanceof IllegalArgumentException ? USAGE : FAILURE;
    }

    /** True when stack traces were asked for by {@code --verbose} (at any level) or {@code DEEPRL4J_DEBUG=1}. */
    private static boolean debug(ParseResult parsed) {
        if ("1".equals(System.getenv("DEEPRL4J_DEBUG"))) {
            return true;
        }
        for (ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }

    private static List<String> verbs(CommandLine cl) {
        List<String> names = new ArrayList<>(cl.getSubcommands().keySet());
        names.remove("help");
        return names;
    }
}
