package io.vitrine.enrich.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.vitrine.enrich.ModelException;
import io.vitrine.enrich.ModelManifest;
import io.vitrine.enrich.ModelStore;
import io.vitrine.storage.FileTrees;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Models as folders under {@code $VITRINE_DATA/models}: {@code NAME/manifest.json} plus the files.
 * Downloads go to {@code .partial/NAME} (kept across interruptions so the next pull resumes) and
 * become {@code NAME} by one rename after every checksum matched.
 */
public final class FileModelStore implements ModelStore {
    private static final String MANIFEST = "manifest.json";

    private final Path root;
    private final List<ModelManifest> catalogue;
    private final String baseUrl;
    private final ObjectMapper json;
    private final RangeDownloader downloader = new RangeDownloader();

    public FileModelStore(Path root, List<ModelManifest> catalogue, String baseUrl, ObjectMapper json) {
        this.root = root;
        this.catalogue = List.copyOf(catalogue);
        this.baseUrl = baseUrl;
        this.json = json.copy().enable(SerializationFeature.INDENT_OUTPUT);
    }

    /** The catalogue bundled in the jar ({@code /models/catalogue.json}). */
    public static List<ModelManifest> bundledCatalogue(ObjectMapper json) {
        try (InputStream in = FileModelStore.class.getResourceAsStream("/models/catalogue.json")) {
            return List.of(json.readValue(in, ModelManifest[].class));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled model catalogue", e);
        }
    }

    @Override
    public List<ModelManifest> catalogue() {
        return catalogue;
    }

    @Override
    public Optional<ModelManifest> catalogued(String name) {
        return catalogue.stream().filter(m -> m.name().equals(name)).findFirst();
    }

    @Override
    public Optional<Installed> installed(String name) {
        Path manifest = root.resolve(name).resolve(MANIFEST);
        if (!validName(name) || !Files.isRegularFile(manifest)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Installed(json.readValue(manifest.toFile(), ModelManifest.class), manifest.getParent()));
        } catch (IOException e) {
            throw new ModelException("model " + name + " has an unreadable manifest: " + e.getMessage(), e);
        }
    }

    @Override
    public List<Installed> installedModels() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (var dirs = Files.list(root)) {
            return dirs.map(d -> d.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted()
                    .flatMap(n -> installed(n).stream()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Installed pull(String name, Progress progress) {
        ModelManifest m = catalogued(name).orElseThrow(() -> new ModelException("unknown model '" + name
                + "'; the catalogue has: " + String.join(", ", catalogue.stream().map(ModelManifest::name).toList())));
        Path staging = root.resolve(".partial").resolve(name);
        try {
            Files.createDirectories(staging);
            for (ModelManifest.ModelFile f : m.files()) {
                fetch(m, f, staging, progress);
            }
            Files.writeString(staging.resolve(MANIFEST), json.writeValueAsString(m));
            return publish(name, staging);
        } catch (IOException e) {
            throw new ModelException("pull of " + name + " did not finish: " + e.getMessage(), e);
        }
    }

    @Override
    public Installed install(ModelManifest d, Path folder) {
        if (d.name() == null || !validName(d.name())) {
            throw new ModelException("invalid model name '" + d.name() + "': letters, digits, '.', '_' and '-' only");
        }
        if (!Files.isDirectory(folder)) {
            throw new ModelException(folder + " is not a folder");
        }
        Path staging = root.resolve(".partial").resolve(d.name());
        try {
            FileTrees.delete(staging);
            Files.createDirectories(staging);
            List<ModelManifest.ModelFile> files = new ArrayList<>();
            for (Path src : LocalFolder.files(folder)) {
                String rel = folder.relativize(src).toString().replace('\\', '/');
                Path target = staging.resolve(rel);
                Files.createDirectories(target.getParent());
                Files.copy(src, target, StandardCopyOption.COPY_ATTRIBUTES);
                files.add(new ModelManifest.ModelFile(rel, sha256(target), Files.size(target), null));
            }
            ModelManifest m = new ModelManifest(d.name(), d.version(), d.licence(), d.capability(), d.source(), d.repo(),
                    d.revision(), files, d.inputs(), d.outputs(), d.preprocessing());
            Files.writeString(staging.resolve(MANIFEST), json.writeValueAsString(m));
            return publish(d.name(), staging);
        } catch (IOException e) {
            discard(staging);
            throw new ModelException("install of " + d.name() + " from " + folder + " did not finish: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            discard(staging);
            throw e;
        }
    }

    private static void discard(Path staging) {
        try {
            FileTrees.delete(staging);
        } catch (IOException | RuntimeException ignored) {
            // the next install clears it first
        }
    }

    private void fetch(ModelManifest m, ModelManifest.ModelFile f, Path staging, Progress progress) throws IOException {
        Path target = staging.resolve(f.path());
        if (Files.isRegularFile(target) && sha256(target).equals(f.sha256())) {
            return;
        }
        Path part = staging.resolve(f.path() + ".part");
        Files.createDirectories(part.getParent());
        downloader.download(m.url(baseUrl, f), part, f.bytes(), f.path(), progress);
        String actual = sha256(part);
        if (!actual.equalsIgnoreCase(f.sha256())) {
            FileTrees.delete(staging);
            throw new ModelException("checksum mismatch for " + m.name() + "/" + f.path() + ": expected sha256 "
                    + f.sha256() + ", got " + actual + "; the download was discarded and nothing was installed");
        }
        Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
    }

    private Installed publish(String name, Path staging) throws IOException {
        Path dir = root.resolve(name);
        if (Files.exists(dir)) {
            Path old = root.resolve(".old-" + name);
            FileTrees.delete(old);
            Files.move(dir, old, StandardCopyOption.ATOMIC_MOVE);
            Files.move(staging, dir, StandardCopyOption.ATOMIC_MOVE);
            FileTrees.delete(old);
        } else {
            Files.move(staging, dir, StandardCopyOption.ATOMIC_MOVE);
        }
        return installed(name).orElseThrow();
    }

    @Override
    public List<String> verify(String name) {
        Installed model = installed(name).orElseThrow(() -> new ModelException("model " + name
                + " is not installed; run `vitrine models pull " + name + "`"));
        List<String> problems = new ArrayList<>();
        for (ModelManifest.ModelFile f : model.manifest().files()) {
            Path p = model.dir().resolve(f.path());
            try {
                if (!Files.isRegularFile(p)) {
                    problems.add(f.path() + ": missing");
                } else if (!sha256(p).equalsIgnoreCase(f.sha256())) {
                    problems.add(f.path() + ": sha256 " + sha256(p) + " does not match the manifest's " + f.sha256());
                }
            } catch (IOException e) {
                problems.add(f.path() + ": unreadable (" + e.getMessage() + ")");
            }
        }
        return problems;
    }

    private static boolean validName(String name) {
        return name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[64 * 1024];
            for (int n; (n = in.read(buf)) >= 0; ) {
                d.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(d.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
