package io.vitrine.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code vitrine} command line: serve, import, reindex, bench, audit, models, enrich. */
@Command(name = "vitrine", mixinStandardHelpOptions = true, version = "Vitrine 0.1.0",
        description = "AI-native digital asset management server.",
        subcommands = {ServeCommand.class, ImportCommand.class, ReindexCommand.class, BenchCommand.class, AuditCommand.class,
            ModelsCommand.class, EnrichCommand.class, DuplicatesCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            // Expected failures (bad configuration, data folder in use) deserve a sentence, not a stack trace.
            cmd.getErr().println("vitrine: " + rootMessage(e));
            org.slf4j.LoggerFactory.getLogger(Main.class).debug("command failed", e);
            return 2;
        });
        System.exit(cli.execute(args));
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            if (t instanceof IllegalStateException || t instanceof IllegalArgumentException) {
                break;
            }
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
