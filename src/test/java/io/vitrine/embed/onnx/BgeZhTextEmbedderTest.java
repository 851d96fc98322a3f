package io.vitrine.embed.onnx;

import static io.vitrine.embed.onnx.BgeTextEmbedderTest.dot;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The real bge-small-zh-v1.5 from the Maven jar on the classpath, loaded by the same code as the en model. */
class BgeZhTextEmbedderTest {
    private static final Logger log = LoggerFactory.getLogger(BgeZhTextEmbedderTest.class);
    static final List<String> QUERIES = List.of("一只狗在海滩上", "城堡", "中世纪的堡垒", "热气球", "海滩日落", "团队在办公室庆祝", "一杯咖啡",
            "税务报告", "沙发上睡觉的猫", "湖上的帆船");

    @Test
    void the_bundled_zh_model_writes_its_own_512_d_space_and_reads_chinese() throws Exception {
        long rssBefore = rssKiB();
        long loading = System.nanoTime();
        try (BgeTextEmbedder zh = BgeTextEmbedder.bundled(BgeTextEmbedder.Bundled.ZH, 1)) {
            log.info("bge-small-zh-v1.5 loaded in {} ms", (System.nanoTime() - loading) / 1_000_000);
            assertThat(zh.space()).isEqualTo("text:bge-small-zh-v1.5@1");
            assertThat(zh.dimensions()).isEqualTo(512);
            float[] dogOnBeach = zh.embed("一只狗在海滩上");
            assertThat(Math.sqrt(dot(dogOnBeach, dogOnBeach))).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
            double paraphrase = dot(dogOnBeach, zh.embed("小狗在沙滩上奔跑"));
            double unrelated = dot(dogOnBeach, zh.embed("季度税务报告"));
            log.info("bge-small-zh cosine paraphrase {} unrelated {}", paraphrase, unrelated);
            assertThat(paraphrase).isGreaterThan(unrelated + 0.3);
            zh.embedAll(QUERIES); // warm up
            long start = System.nanoTime();
            int n = 0;
            for (int round = 0; round < 5; round++) {
                for (String q : QUERIES) {
                    zh.embed(q + round);
                    n++;
                }
            }
            System.gc();
            log.info("bge-small-zh-v1.5: {} ms per short sentence (1 thread, {} sentences); RSS +{} MiB with the model loaded",
                    String.format("%.1f", (System.nanoTime() - start) / 1e6 / n), n, (rssKiB() - rssBefore) / 1024);
        }
    }

    @Test
    void the_en_and_zh_models_write_different_spaces() throws Exception {
        try (BgeTextEmbedder en = BgeTextEmbedder.bundled(BgeTextEmbedder.Bundled.EN, 1);
                BgeTextEmbedder zh = BgeTextEmbedder.bundled(BgeTextEmbedder.Bundled.ZH, 1)) {
            assertThat(en.space()).isNotEqualTo(zh.space());
            assertThat(en.dimensions()).isEqualTo(384);
        }
    }

    /** Resident memory of this JVM (Linux), -1 elsewhere. */
    static long rssKiB() throws Exception {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return -1;
        }
        return Files.readAllLines(status).stream().filter(l -> l.startsWith("VmRSS:"))
                .mapToLong(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).findFirst().orElse(-1);
    }
}
