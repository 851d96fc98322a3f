package io.vitrine.cli;

import io.vitrine.config.ConfigLoader;
import io.vitrine.config.VitrineConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The options every benchmark that loads models takes, parsed once (a picocli mixin): where the data
 * folder is ({@code --data}) and where the installed models are ({@code --models}, default the data
 * folder's {@code models/}), read the way the server reads its configuration.
 */
final class ModelBenchOptions {
    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", description = "data folder whose models/ holds the installed models (default: $VITRINE_DATA)")
    Path data;

    @Option(names = "--models", description = "folder of installed models (default: models/ of the data folder)")
    Path models;

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /** The environment the configuration is read from: the process's, with {@code --data} as VITRINE_DATA. */
    Map<String, String> env() {
        Map<String, String> env = new HashMap<>(System.getenv());
        if (data != null) {
            env.put("VITRINE_DATA", data.toString());
        }
        return env;
    }

    VitrineConfig config() {
        return ConfigLoader.load(env());
    }

    Path modelsDir() {
        return models != null ? models : config().modelsDir();
    }
}
