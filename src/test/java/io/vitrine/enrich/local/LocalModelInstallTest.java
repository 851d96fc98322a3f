package io.vitrine.enrich.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vitrine.db.Json;
import io.vitrine.enrich.ModelException;
import io.vitrine.enrich.ModelManifest;
import io.vitrine.enrich.ModelStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vitrine models install DIR}'s store part: copy a local export, hash every file into the manifest, publish atomically. */
class LocalModelInstallTest {
    @TempDir
    Path tmp;

    private FileModelStore store() {
        return new FileModelStore(tmp.resolve("data/models"), List.of(), ModelManifest.PUBLIC_HUB, Json.mapper());
    }

    private static ModelManifest describe(String name, String version) {
        return new ModelManifest(name, version, "MIT", "clip", "a test export", null, null, List.of(), null, null, null);
    }

    private Path export(String dir) throws Exception {
        Path src = tmp.resolve(dir);
        Files.createDirectories(src.resolve("visual"));
        Files.writeString(src.resolve("visual/model.onnx"), "visual bytes");
        Files.writeString(src.resolve("config.json"), "{\"embed_dim\": 8}");
        return src;
    }

    @Test
    void install_copies_every_file_and_writes_a_manifest_with_their_sha256_and_sizes() throws Exception {
        FileModelStore store = store();
        ModelStore.Installed m = store.install(describe("tiny-clip", "1"), export("src"));
        assertThat(m.manifest().files()).extracting(ModelManifest.ModelFile::path).containsExactly("config.json", "visual/model.onnx");
        ModelManifest.ModelFile visual = m.manifest().file("visual/model.onnx");
        assertThat(visual.sha256()).isEqualTo(FileModelStore.sha256(tmp.resolve("src/visual/model.onnx")));
        assertThat(visual.bytes()).isEqualTo("visual bytes".length());
        assertThat(m.manifest().capability()).isEqualTo("clip");
        assertThat(store.installed("tiny-clip")).isPresent();
        assertThat(store.verify("tiny-clip")).isEmpty();
        assertThat(tmp.resolve("data/models/.partial/tiny-clip")).doesNotExist();
    }

    @Test
    void a_file_changed_after_install_fails_verification_with_its_name() throws Exception {
        FileModelStore store = store();
        ModelStore.Installed m = store.install(describe("tiny-clip", "1"), export("src"));
        Files.writeString(m.dir().resolve("visual/model.onnx"), "tampered");
        assertThat(store.verify("tiny-clip")).singleElement().asString().startsWith("visual/model.onnx: sha256");
    }

    @Test
    void reinstalling_replaces_the_model_and_its_version() throws Exception {
        FileModelStore store = store();
        store.install(describe("tiny-clip", "1"), export("src"));
        Path v2 = export("src2");
        Files.writeString(v2.resolve("visual/model.onnx"), "other weights");
        store.install(describe("tiny-clip", "2"), v2);
        ModelStore.Installed m = store.installed("tiny-clip").orElseThrow();
        assertThat(m.manifest().version()).isEqualTo("2");
        assertThat(Files.readString(m.dir().resolve("visual/model.onnx"))).isEqualTo("other weights");
    }

    @Test
    void links_bad_names_and_missing_folders_are_refused_and_nothing_is_installed() throws Exception {
        FileModelStore store = store();
        Path src = export("linked");
        Files.createSymbolicLink(src.resolve("textual"), Path.of("/etc"));
        assertThatThrownBy(() -> store.install(describe("tiny-clip", "1"), src)).isInstanceOf(ModelException.class)
                .hasMessageContaining("symbolic link");
        assertThatThrownBy(() -> store.install(describe("../escape", "1"), export("ok"))).isInstanceOf(ModelException.class)
                .hasMessageContaining("invalid model name");
        assertThatThrownBy(() -> store.install(describe("tiny-clip", "1"), tmp.resolve("nowhere"))).isInstanceOf(ModelException.class)
                .hasMessageContaining("not a folder");
        assertThat(store.installedModels()).isEmpty();
        assertThat(tmp.resolve("data/models/.partial/tiny-clip")).doesNotExist();
    }
}
