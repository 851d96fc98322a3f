package io.vitrine.cli;

import io.vitrine.Models;
import io.vitrine.config.ConfigLoader;
import io.vitrine.enrich.ModelManifest;
import io.vitrine.enrich.ModelStore;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code vitrine models list|pull|install|verify}: the model folder under {@code $VITRINE_DATA/models}. */
@Command(name = "models", description = "List, pull and verify AI models.",
        subcommands = {ModelsCommand.ListModels.class, ModelsCommand.Pull.class, ModelsCommand.Install.class, ModelsCommand.Verify.class})
final class ModelsCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static ModelStore store() {
        return Models.modelStore(ConfigLoader.load(System.getenv()));
    }

    @Command(name = "list", description = "Models in the catalogue and whether each is installed, then models installed from a folder.")
    static final class ListModels implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            ModelStore store = store();
            PrintWriter out = spec.commandLine().getOut();
            out.printf("%-24s %-10s %-10s %-30s %s%n", "NAME", "VERSION", "CAPABILITY", "LICENCE", "STATE");
            for (ModelManifest m : store.catalogue()) {
                String state = store.installed(m.name()).map(i -> "installed " + i.dir()).orElse("not installed");
                out.printf("%-24s %-10s %-10s %-30s %s%n", m.name(), m.version(), m.capability(), m.licence(), state);
            }
            // models installed from a local folder (models install) are in no catalogue
            for (ModelStore.Installed i : store.installedModels()) {
                ModelManifest m = i.manifest();
                if (store.catalogued(m.name()).isEmpty()) {
                    out.printf("%-24s %-10s %-10s %-30s %s%n", m.name(), m.version(), m.capability(), m.licence(), "installed " + i.dir());
                }
            }
            return 0;
        }
    }

    @Command(name = "pull", description = "Download a model (resumable), verify every SHA-256, then install it.")
    static final class Pull implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            long[] lastPercent = {-1};
            ModelStore.Installed m = store().pull(name, (file, done, total) -> {
                long pct = total == 0 ? 100 : done * 100 / total;
                if (pct / 10 != lastPercent[0] / 10) {
                    lastPercent[0] = pct;
                    out.printf("%s %d%%%n", file, pct);
                    out.flush();
                }
            });
            out.println("Installed " + m.manifest().name() + " " + m.manifest().version() + " in " + m.dir());
            return 0;
        }
    }

    @Command(name = "install", description = "Install a CLIP model from a local OpenCLIP/Immich export folder "
            + "(visual/model.onnx, textual/model.onnx, textual/tokenizer.json, config.json): load it once to check it, "
            + "copy it, write a manifest with every SHA-256.")
    static final class Install implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "DIR")
        java.nio.file.Path dir;

        @CommandLine.Option(names = "--name", description = "model name (default: the folder's name)")
        String name;

        @CommandLine.Option(names = "--version", description = "model version; change it when you install other weights under the same name (default: 1)")
        String version = "1";

        @CommandLine.Option(names = "--licence", description = "the weights' licence, recorded in the manifest (default: unknown)")
        String licence = "unknown";

        @Override
        public Integer call() {
            String n = name != null ? name : dir.toAbsolutePath().normalize().getFileName().toString();
            PrintWriter out = spec.commandLine().getOut();
            ModelStore.Installed m = Models.installClip(ConfigLoader.load(System.getenv()), dir, n, version, licence);
            out.println("Installed " + m.manifest().name() + " " + m.manifest().version() + " (" + m.manifest().files().size()
                    + " files, capability clip) in " + m.dir());
            return 0;
        }
    }

    @Command(name = "verify", description = "Recompute the SHA-256 of an installed model's files.")
    static final class Verify implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        public Integer call() {
            List<String> problems = store().verify(name);
            PrintWriter out = spec.commandLine().getOut();
            if (problems.isEmpty()) {
                out.println(name + ": every file matches its manifest");
                return 0;
            }
            problems.forEach(p -> out.println(name + ": " + p));
            return 1;
        }
    }
}
