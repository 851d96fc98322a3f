package io.vitrine.embed;

import io.vitrine.enrich.ConceptScore;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

/**
 * One text-embedding space and how assets and queries enter it: the model, the language whose
 * concept labels place an asset's concepts there (ConSE), the phrase around such a label, the query
 * languages it serves, and the cosine below which a query and an asset are unrelated for this model.
 * Concept label embeddings are cached per concept; {@link #forget} drops them when labels change.
 */
public final class TextSpace {
    /**
     * bge-small-en's similarities are compressed: measured here, unrelated pairs 0.48-0.58 ("zeppelin"
     * vs a harbour photo's words 0.54), related ones 0.70-0.83 ("a medieval fortress" vs "a photo of castle" 0.75).
     */
    static final float MIN_SIMILARITY_EN = 0.65f;
    /**
     * bge-small-zh spreads them wider: measured here over 9 short Chinese queries × 17 texts, unrelated
     * pairs 0.13-0.45, the top of that range being English texts, which every Chinese query meets at
     * about 0.4 (一杯咖啡 vs "a photo of castle" 0.45, 海滩日落 vs it 0.43); related ones 0.57-0.97
     * against bare labels and Chinese captions (中世纪的堡垒 vs 城堡 0.57, 一只狗在海滩上 vs 海滩 0.63).
     */
    static final float MIN_SIMILARITY_ZH = 0.5f;

    private final TextEmbedder embedder;
    private final String labelLanguage;
    private final String labelPhrase;
    private final List<String> queryLanguages;
    private final float minSimilarity;
    private final Map<String, float[]> labelVectors = new ConcurrentHashMap<>();

    TextSpace(TextEmbedder embedder, String labelLanguage, String labelPhrase, List<String> queryLanguages, float minSimilarity) {
        this.embedder = embedder;
        this.labelLanguage = labelLanguage;
        this.labelPhrase = labelPhrase;
        this.queryLanguages = List.copyOf(queryLanguages);
        this.minSimilarity = minSimilarity;
    }

    /** bge-small-en: English labels as "a photo of dog"; serves English queries and those translated into English labels. */
    public static TextSpace english(TextEmbedder embedder) {
        return new TextSpace(embedder, "en", "a photo of %s", List.of("en"), MIN_SIMILARITY_EN);
    }

    /**
     * bge-small-zh: Chinese labels bare — "一张狗的照片" lifted every unrelated cosine (0.33-0.42 instead
     * of 0.25-0.33) and lowered a paraphrase's (中世纪的堡垒: 0.47 instead of 0.57), measured here.
     */
    public static TextSpace chinese(TextEmbedder embedder) {
        return new TextSpace(embedder, "zh", "%s", List.of("zh"), MIN_SIMILARITY_ZH);
    }

    public String space() {
        return embedder.space();
    }

    public String wordsSpace() {
        return EmbeddingService.WORDS + embedder.space();
    }

    public String conceptsSpace() {
        return EmbeddingService.CONCEPTS + embedder.space();
    }

    public List<String> queryLanguages() {
        return queryLanguages;
    }

    float minSimilarity() {
        return minSimilarity;
    }

    public float[] embed(String text) {
        return embedder.embed(text);
    }

    /**
     * ConSE: an image's place in text space is where its concepts' names are, weighted by belief.
     * {@code label} gives a concept's label in a language (the vocabulary's).
     */
    public float[] mix(List<ConceptScore> concepts, BiFunction<String, String, String> label) {
        float[] sum = new float[embedder.dimensions()];
        for (ConceptScore c : concepts) {
            float[] v = labelVectors.computeIfAbsent(c.concept(),
                    id -> embedder.embed(labelPhrase.formatted(label.apply(id, labelLanguage))));
            for (int i = 0; i < sum.length; i++) {
                sum[i] += (float) c.confidence() * v[i];
            }
        }
        return normalize(sum);
    }

    void forget() {
        labelVectors.clear();
    }

    static float[] normalize(float[] v) {
        double n = 0;
        for (float x : v) {
            n += x * x;
        }
        float inv = n == 0 ? 0 : (float) (1 / Math.sqrt(n));
        for (int i = 0; i < v.length; i++) {
            v[i] *= inv;
        }
        return v;
    }
}
