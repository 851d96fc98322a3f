package io.vitrine.embed;

import static org.assertj.core.api.Assertions.assertThat;

import io.vitrine.embed.onnx.BgeTextEmbedder;
import io.vitrine.enrich.ConceptScore;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The zh space's choices, measured with the real bge-small-zh: the cosine floor sits between related
 * and unrelated short Chinese queries, bare labels beat "一张…的照片", and queries go in without
 * BGE's retrieval instruction (it narrows the gap on these short texts).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TextSpaceTest {
    static final String INSTRUCTION = "为这个句子生成表示以用于检索相关文章：";
    /** Query → a text it should reach (related) and texts it should not (unrelated). */
    static final Map<String, List<String>> RELATED = Map.of("一只狗在海滩上", List.of("狗", "海滩"), "中世纪的堡垒", List.of("城堡"),
            "海滩日落", List.of("日落时分的海滩", "海滩"), "一杯咖啡", List.of("咖啡"), "团队在办公室庆祝", List.of("办公室里的团队庆祝"));
    static final List<String> UNRELATED = List.of("热气球", "港口", "季度税务报告", "a photo of castle", "一张港口的照片");

    BgeTextEmbedder zh;
    TextSpace space;

    @BeforeAll
    void load() throws Exception {
        zh = BgeTextEmbedder.bundled(BgeTextEmbedder.Bundled.ZH, 2);
        space = TextSpace.chinese(zh);
    }

    @AfterAll
    void close() {
        zh.close();
    }

    static double cos(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (double) a[i] * b[i];
        }
        return s;
    }

    @Test
    void the_zh_floor_keeps_related_texts_and_drops_unrelated_ones() {
        RELATED.forEach((q, related) -> {
            float[] v = zh.embed(q);
            related.forEach(t -> assertThat(cos(v, zh.embed(t))).as(q + " ~ " + t).isGreaterThan(TextSpace.MIN_SIMILARITY_ZH));
            UNRELATED.forEach(t -> assertThat(cos(v, zh.embed(t))).as(q + " !~ " + t).isLessThan(TextSpace.MIN_SIMILARITY_ZH));
        });
    }

    @Test
    void queries_without_the_retrieval_instruction_separate_related_from_unrelated_better() {
        assertThat(gap("")).isGreaterThan(gap(INSTRUCTION));
    }

    @Test
    void a_concept_vector_of_bare_chinese_labels_is_nearer_a_paraphrase_than_the_photo_phrase() {
        float[] fortress = zh.embed("中世纪的堡垒");
        float[] bare = space.mix(List.of(new ConceptScore("castle", 1.0)), (id, lang) -> "城堡");
        float[] phrased = zh.embed("一张城堡的照片");
        assertThat(cos(fortress, bare)).isGreaterThan(cos(fortress, phrased));
        assertThat(space.conceptsSpace()).isEqualTo("concepts.text:bge-small-zh-v1.5@1");
        assertThat(space.queryLanguages()).containsExactly("zh");
    }

    /** The smallest related cosine minus the largest unrelated one, queries prefixed with {@code prefix}. */
    private double gap(String prefix) {
        double minRelated = 1;
        double maxUnrelated = -1;
        for (var e : RELATED.entrySet()) {
            float[] v = zh.embed(prefix + e.getKey());
            for (String t : e.getValue()) {
                minRelated = Math.min(minRelated, cos(v, zh.embed(t)));
            }
            for (String t : UNRELATED) {
                maxUnrelated = Math.max(maxUnrelated, cos(v, zh.embed(t)));
            }
        }
        return minRelated - maxUnrelated;
    }
}
