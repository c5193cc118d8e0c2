package org.deeprl4j.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.deeprl4j.env.http.GymHttpServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code deeprl4j serve}: serves every registered env over the Gym HTTP API (openai/gym-http-api
 * paths and JSON shapes, plus Gymnasium-era fields) until stopped with Ctrl-C or, when allowed,
 * {@code POST /v1/shutdown/}.
 */
@Command(name = "serve",
        sortOptions = false,
        optionListHeading = "%nOptions:%n",
        description = "Serve the registered environments over the Gym HTTP API.",
        footer = {"", "Binds to loopback unless --host says otherwise (a warning is logged for other addresses).",
            "Python agents connect with gym_http_client.Client('http://127.0.0.1:5000'); Java ones with",
            "env ids like gym-http:CartPole-v1@http://127.0.0.1:5000.",
            "", "Example:", "  deeprl4j serve --port 5000"})
public final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(names = "--host", paramLabel = "HOST", defaultValue = "127.0.0.1", description = "Address to bind (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "5000", description = "Port, 0 for any free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--max-instances", paramLabel = "N", defaultValue = "1024",
            description = "Live env instances before requests get 429 (default: ${DEFAULT-VALUE}).")
    int maxInstances;

    @Option(names = "--idle-timeout", paramLabel = "SECONDS", defaultValue = "1800",
            description = "Close instances unused for this long; 0 = never (default: ${DEFAULT-VALUE}).")
    long idleSeconds;

    @Option(names = "--allow-shutdown", description = "Let POST /v1/shutdown/ stop the server (refused otherwise).")
    boolean allowShutdown;

    @Option(names = "--monitor-root", paramLabel = "DIR",
            description = "Monitor directories must lie inside DIR (relative ones resolve against it).")
    Path monitorRoot;

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65535) {
            throw new ParameterException(spec.commandLine(), "--port must be in 0..65535, got " + port);
        }
        if (idleSeconds < 0) {
            throw new ParameterException(spec.commandLine(), "--idle-timeout must be >= 0, got " + idleSeconds);
        }
        GymHttpServer.Options opts = GymHttpServer.Options.defaults().withHost(host).withPort(port)
                .withMaxInstances(maxInstances).withIdleTimeout(Duration.ofSeconds(idleSeconds))
                .withAllowShutdown(allowShutdown).withMonitorRoot(monitorRoot);
        GymHttpServer server = GymHttpServer.start(opts);
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "deeprl4j-serve-stop"));
        PrintWriter out = spec.commandLine().getOut();
        out.println("serving Gym HTTP API on " + server.uri() + (allowShutdown ? " (POST /v1/shutdown/ stops it)" : "")
                + "; Ctrl-C to stop");
        out.flush();
        server.awaitTermination();
        return Main.OK;
    }
}
