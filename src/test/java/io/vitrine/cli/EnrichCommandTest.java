package io.vitrine.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.vitrine.TestServer;
import io.vitrine.enrich.ModelServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code vitrine enrich --model embeddings}: a library embedded while the Chinese text space was off gets its
 * zh vectors from the command alone (the server after it runs no workers, so no backfill can be what did it).
 */
class EnrichCommandTest {
    static final Path DOG = Path.of("../shared/corpus/labeled/gcompris-animals/explore_farm_animals__dog.webp");
    static final String ZH_SPACE = "vector:concepts.text:bge-small-zh-v1.5@1";
    /** "A large dog": no character shared with the labels of dog (狗), so only the zh space finds the photo. */
    static final String LARGE_DOG = "一只大型犬";

    @TempDir
    Path data;

    @Test
    void enrich_with_model_embeddings_gives_a_library_embedded_with_the_zh_space_off_its_chinese_vectors() throws Exception {
        assumeTrue(Files.isRegularFile(DOG) && ModelServer.installShared(data, "mobilenetv2-12-int8"),
                "../shared photo or model absent; skipping");
        String dog;
        try (TestServer server = new TestServer(data, Map.of("VITRINE_TEXT_EMBEDDER_ZH", "off"))) {
            dog = server.json(server.upload("?onDuplicate=allow", "IMG_0003.webp", Files.readAllBytes(DOG), null)).path("id").asText();
            server.awaitSettled(dog);
            server.awaitSearch("q=dog", dog, true, Duration.ofSeconds(120));
            assertThat(zhExplained(server, dog)).as("embedded with the zh space off").isFalse();
        }

        EnrichCommand command = new EnrichCommand();
        command.env = Map.of("VITRINE_DATA", data.toString(), "VITRINE_PORT", "0");
        StringWriter out = new StringWriter();
        int exit = new CommandLine(command).setOut(new PrintWriter(out)).execute("--model", "embeddings", "--all");
        assertThat(exit).isZero();
        assertThat(out.toString()).contains("Enriched 1 of 1 assets (embeddings).");

        try (TestServer server = new TestServer(data, Map.of("VITRINE_WORKERS", "0"))) {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!zhExplained(server, dog)) {
                assertThat(System.nanoTime()).as("the dog photo never matched " + LARGE_DOG + " in the zh space").isLessThan(deadline);
                Thread.sleep(250);
            }
        }
    }

    /** Whether the photo is a hit for the Chinese query through its zh concept vector. */
    private static boolean zhExplained(TestServer server, String id) throws Exception {
        JsonNode r = server.json(server.get("/api/v1/search?explain=true&q=" + URLEncoder.encode(LARGE_DOG, StandardCharsets.UTF_8)));
        for (JsonNode hit : r.path("hits")) {
            if (hit.path("id").asText().equals(id)) {
                return hit.path("explain").has(ZH_SPACE);
            }
        }
        return false;
    }
}
