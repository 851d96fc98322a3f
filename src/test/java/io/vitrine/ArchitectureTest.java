package io.vitrine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.GeneralCodingRules;
import java.util.Date;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** DESIGN.md §5 as tests: features free of cycles, adapters out of feature cores, no hidden globals. */
class ArchitectureTest {
    static JavaClasses classes;

    static final String[] ADAPTERS = {"..jdbc..", "..jdbi..", "..lucene..", "..local..", "..vips..", "..ffmpeg..",
        "..tika..", "..drew..", "..ffprobe..", "..process..", "..onnx..", "..imageio..", "..whisper.."};

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.vitrine");
    }

    @Test
    void features_have_no_dependency_cycles() {
        slices().matching("io.vitrine.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void feature_cores_and_the_api_do_not_reach_into_adapters() {
        noClasses().that().resideInAnyPackage("io.vitrine.asset", "io.vitrine.ingest", "io.vitrine.metadata",
                        "io.vitrine.rendition", "io.vitrine.search", "io.vitrine.storage", "io.vitrine.pipeline",
                        "io.vitrine.auth", "io.vitrine.api", "io.vitrine.enrich", "io.vitrine.workflow")
                .should().dependOnClassesThat().resideInAnyPackage(adaptersExceptSharedSql())
                .check(classes);
    }

    /** The JDBI transaction helper is the database feature's shared kernel, used by every JDBC adapter only. */
    private static String[] adaptersExceptSharedSql() {
        return java.util.Arrays.stream(ADAPTERS).filter(p -> !p.equals("..jdbi..")).toArray(String[]::new);
    }

    @Test
    void adapters_are_wired_only_by_the_composition_root() {
        noClasses().that().resideInAnyPackage("io.vitrine.api..", "io.vitrine.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("io.vitrine..jdbc..", "io.vitrine..lucene..",
                        "io.vitrine..local..", "io.vitrine..tika..", "io.vitrine..drew..", "io.vitrine..ffprobe..")
                .check(classes);
    }

    @Test
    void no_standard_streams_outside_the_command_line() {
        noClasses().that().resideOutsideOfPackage("io.vitrine.cli..")
                .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS).check(classes);
    }

    @Test
    void no_legacy_dates() {
        noClasses().should().callConstructor(Date.class).check(classes);
    }

    @Test
    void no_unnamed_thread_pools() {
        noClasses().should().callMethod(java.util.concurrent.Executors.class, "newFixedThreadPool", int.class)
                .orShould().callMethod(java.util.concurrent.Executors.class, "newCachedThreadPool")
                .orShould().callMethod(java.util.concurrent.Executors.class, "newSingleThreadExecutor")
                .orShould().callConstructor(Thread.class, Runnable.class)
                .check(classes);
    }
}
