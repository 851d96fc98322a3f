package io.vitrine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The model benchmarks read --data and --models through one parser, so they mean the same in both. */
class ModelBenchOptionsTest {

    @Test
    void bench_enrich_and_bench_faces_ocr_take_data_and_models_the_same_way() {
        BenchEnrich enrich = new BenchEnrich();
        BenchFacesOcr faces = new BenchFacesOcr();
        new CommandLine(enrich).parseArgs("--data", "/srv/vitrine", "--models", "/srv/models", "photos");
        new CommandLine(faces).parseArgs("--data", "/srv/vitrine", "--models", "/srv/models", "photos");
        for (ModelBenchOptions o : new ModelBenchOptions[] {enrich.options, faces.options}) {
            assertThat(o.env()).containsEntry("VITRINE_DATA", "/srv/vitrine");
            assertThat(o.modelsDir()).isEqualTo(Path.of("/srv/models"));
        }
        assertThat(enrich.dir).isEqualTo(Path.of("photos"));
        assertThat(faces.dir).isEqualTo(Path.of("photos"));
    }

    @Test
    void without_models_the_installed_models_are_those_of_the_data_folder() {
        BenchFacesOcr faces = new BenchFacesOcr();
        new CommandLine(faces).parseArgs("--data", "/srv/vitrine");
        assertThat(faces.options.modelsDir()).isEqualTo(Path.of("/srv/vitrine").resolve("models"));
        BenchEnrich enrich = new BenchEnrich();
        new CommandLine(enrich).parseArgs("--data", "/srv/vitrine");
        assertThat(enrich.options.modelsDir()).isEqualTo(faces.options.modelsDir());
    }
}
