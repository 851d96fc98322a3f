package io.vitrine.cli;

import io.vitrine.Vitrine;
import io.vitrine.config.ConfigLoader;
import io.vitrine.config.VitrineConfig;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Runs the server (API + workers) until the process is stopped. */
@Command(name = "serve", description = "Start the server on the configured data folder (VITRINE_DATA, VITRINE_PORT, …).")
final class ServeCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        VitrineConfig config = ConfigLoader.load(System.getenv());
        LOG.info("starting with {}", config.redacted());
        PrintWriter out = spec.commandLine().getOut();
        CountDownLatch stopped = new CountDownLatch(1);
        Vitrine vitrine = new Vitrine(config);
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("vitrine-shutdown").unstarted(() -> {
            vitrine.close();
            stopped.countDown();
        }));
        vitrine.auth().bootstrapAdmin(config.adminToken()).ifPresent(token -> {
            out.println("Administrator token (shown once; set VITRINE_ADMIN_TOKEN to choose your own):");
            out.println("  " + token);
        });
        vitrine.startWorkers().startHttp();
        out.println("Vitrine is ready on http://localhost:" + vitrine.port() + "  (data: " + config.dataDir().toAbsolutePath() + ")");
        out.flush();
        stopped.await();
        return 0;
    }
}
