package io.vitrine.enrich;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Installed models and the catalogue of pullable ones. Contract: a model is installed only when
 * every file is present with its catalogue SHA-256 (pull verifies before it publishes the folder
 * with one atomic rename); a wrong checksum discards the download and says which file and both
 * hashes; an interrupted download resumes where it stopped on the next pull.
 */
public interface ModelStore {

    record Installed(ModelManifest manifest, Path dir) {
        public Path file(String path) {
            manifest.file(path);
            return dir.resolve(path);
        }
    }

    /** Reports bytes received for one file so far. */
    @FunctionalInterface
    interface Progress {
        void update(String file, long done, long total);
    }

    List<ModelManifest> catalogue();

    Optional<ModelManifest> catalogued(String name);

    Optional<Installed> installed(String name);

    List<Installed> installedModels();

    Installed pull(String name, Progress progress);

    /**
     * Installs a model from a local folder (a user's export, e.g. a CLIP model in the OpenCLIP/Immich
     * layout): every regular file is copied, its SHA-256 and size written into the manifest built from
     * {@code description} (its files list is ignored), and the folder published with one rename like a
     * pull. Symbolic links and an unusable name are refused with {@link ModelException}.
     */
    Installed install(ModelManifest description, Path folder);

    /** Problems found (missing file, wrong checksum); empty when the installed model is intact. */
    List<String> verify(String name);
}
