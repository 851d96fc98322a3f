package io.vitrine.enrich.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vitrine.db.Json;
import io.vitrine.enrich.ModelException;
import io.vitrine.enrich.ModelManifest;
import io.vitrine.enrich.ModelServer;
import io.vitrine.enrich.ModelStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileModelStoreTest {
    static final String NAME = "mobilenetv2-12-int8";

    @TempDir
    Path data;

    @BeforeEach
    void needsModel() {
        assumeTrue(Files.isRegularFile(ModelServer.SHARED_MODELS.resolve(NAME + ".onnx")),
                "../shared/models/" + NAME + ".onnx is absent; skipping");
    }

    private FileModelStore store(ModelServer server, List<ModelManifest> catalogue) {
        return new FileModelStore(data.resolve("models"), catalogue, server.baseUrl(), Json.mapper());
    }

    private static List<ModelManifest> bundled() {
        return FileModelStore.bundledCatalogue(Json.mapper());
    }

    @Test
    void pull_downloads_verifies_and_installs_the_model_with_its_manifest() throws Exception {
        try (ModelServer server = new ModelServer(ModelServer.SHARED_MODELS)) {
            FileModelStore store = store(server, bundled());
            assertThat(store.installed(NAME)).isEmpty();
            ModelStore.Installed m = store.pull(NAME, (f, d, t) -> { });
            assertThat(m.dir()).isEqualTo(data.resolve("models").resolve(NAME));
            assertThat(m.dir().resolve("manifest.json")).exists();
            assertThat(m.manifest().licence()).contains("Apache-2.0");
            assertThat(FileModelStore.sha256(m.file(NAME + ".onnx"))).isEqualTo(m.manifest().file(NAME + ".onnx").sha256());
            assertThat(store.verify(NAME)).isEmpty();
            assertThat(store.installedModels()).extracting(i -> i.manifest().name()).containsExactly(NAME);
        }
    }

    @Test
    void a_wrong_checksum_is_refused_with_both_hashes_and_nothing_is_installed() throws Exception {
        ModelManifest real = bundled().getFirst();
        var files = real.files().stream().map(f -> new ModelManifest.ModelFile(f.path(),
                f.path().endsWith(".onnx") ? "0".repeat(64) : f.sha256(), f.bytes(), null)).toList();
        ModelManifest wrong = new ModelManifest(real.name(), real.version(), real.licence(), real.capability(), real.source(),
                real.repo(), real.revision(), files, real.inputs(), real.outputs(), real.preprocessing());
        try (ModelServer server = new ModelServer(ModelServer.SHARED_MODELS)) {
            FileModelStore store = store(server, List.of(wrong));
            assertThatThrownBy(() -> store.pull(NAME, (f, d, t) -> { }))
                    .isInstanceOf(ModelException.class)
                    .hasMessageContaining("checksum mismatch for " + NAME + "/" + NAME + ".onnx")
                    .hasMessageContaining("0".repeat(64))
                    .hasMessageContaining(real.file(NAME + ".onnx").sha256())
                    .hasMessageContaining("nothing was installed");
            assertThat(store.installed(NAME)).isEmpty();
            assertThat(data.resolve("models").resolve(NAME)).doesNotExist();
            assertThat(data.resolve("models/.partial").resolve(NAME)).doesNotExist();
        }
    }

    @Test
    void an_interrupted_download_resumes_with_a_range_request() throws Exception {
        try (ModelServer server = new ModelServer(ModelServer.SHARED_MODELS)) {
            FileModelStore store = store(server, bundled());
            server.truncateNext(1);
            assertThatThrownBy(() -> store.pull(NAME, (f, d, t) -> { })).isInstanceOf(ModelException.class)
                    .hasMessageContaining("did not finish");
            assertThat(store.installed(NAME)).isEmpty();
            Path part = data.resolve("models/.partial").resolve(NAME).resolve(NAME + ".onnx.part");
            long kept = Files.size(part);
            assertThat(kept).isPositive();

            store.pull(NAME, (f, d, t) -> { });
            assertThat(server.ranges).contains("bytes=" + kept + "-");
            assertThat(store.verify(NAME)).isEmpty();
        }
    }

    @Test
    void verify_reports_a_file_changed_after_install() throws Exception {
        try (ModelServer server = new ModelServer(ModelServer.SHARED_MODELS)) {
            FileModelStore store = store(server, bundled());
            ModelStore.Installed m = store.pull(NAME, (f, d, t) -> { });
            Files.writeString(m.dir().resolve("synset.txt"), "tampered");
            assertThat(store.verify(NAME)).singleElement().asString().contains("synset.txt").contains("does not match");
        }
    }

    @Test
    void an_unknown_model_names_the_catalogue() {
        FileModelStore store = new FileModelStore(data, bundled(), "http://127.0.0.1:9", Json.mapper());
        assertThatThrownBy(() -> store.pull("nope", (f, d, t) -> { })).hasMessageContaining("unknown model 'nope'")
                .hasMessageContaining(NAME);
    }
}
