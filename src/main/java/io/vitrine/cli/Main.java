package io.vitrine.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code vitrine} command line: serve, import, reindex, bench. */
@Command(name = "vitrine", mixinStandardHelpOptions = true, version = "Vitrine 0.1.0",
        description = "AI-native digital asset management server.",
        subcommands = {ServeCommand.class, ImportCommand.class, ReindexCommand.class, BenchCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
