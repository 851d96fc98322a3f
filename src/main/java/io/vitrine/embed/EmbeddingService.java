package io.vitrine.embed;

import io.vitrine.asset.Asset;
import io.vitrine.asset.AssetRepository;
import io.vitrine.asset.EffectiveMetadata;
import io.vitrine.enrich.ConceptScore;
import io.vitrine.enrich.EnrichmentService;
import io.vitrine.enrich.ImageTextEmbedder;
import io.vitrine.enrich.ImageTextEmbedderSource;
import io.vitrine.pipeline.StepHandler;
import io.vitrine.search.SearchQuery;
import io.vitrine.search.SearchService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Puts assets and queries into one text-embedding space, offline, in two ways: an asset's own words
 * (title, description, keywords) embedded directly, and its concepts embedded ConSE-style — the
 * confidence-weighted mix of the embeddings of its tag concepts' names — so a photo nobody described
 * is still found by "dog on a beach". A query is embedded once and searched in both.
 */
public final class EmbeddingService implements SearchService.QueryEmbedding {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(EmbeddingService.class);
    static final String WORDS = "words.";
    static final String CONCEPTS = "concepts.";
    /** Image-embedding spaces (written by the tagging step, one inference with the tags). */
    public static final String IMAGE = "image.";
    private static final int K = 100;
    /**
     * Below this cosine a short query and an asset are unrelated for bge-small, whose similarities
     * are compressed: measured here, unrelated pairs 0.48-0.58 ("zeppelin" vs a harbour photo's
     * words 0.54), related ones 0.70-0.83 ("a medieval fortress" vs "a photo of castle" 0.75).
     */
    static final float MIN_QUERY_SIMILARITY = 0.65f;
    /** Image-text (CLIP) spaces: {@code clip:NAME@VERSION}, images and query text in one space. */
    public static final String CLIP = "clip:";
    /**
     * Below this text-to-image cosine a CLIP neighbour is noise. CLIP's cross-modal cosines are low:
     * ViT-B/32 gives roughly 0.25-0.35 for a matching caption and 0.10-0.20 for an unrelated one
     * (published figures; no real CLIP weights can be measured on this machine).
     */
    static final float MIN_CLIP_SIMILARITY = 0.2f;

    private final AssetRepository assets;
    private final EmbeddingRepository vectors;
    private final TextEmbedder embedder;
    private final EnrichmentService enrichment;
    private final Map<String, float[]> conceptVectors = new ConcurrentHashMap<>();
    private volatile ImageTextEmbedderSource imageText;

    public EmbeddingService(AssetRepository assets, EmbeddingRepository vectors, TextEmbedder embedder, EnrichmentService enrichment) {
        this.assets = assets;
        this.vectors = vectors;
        this.embedder = embedder;
        this.enrichment = enrichment;
        // a concept's English label may change (people's concepts): embed the new one next time
        enrichment.vocabulary().onChange(conceptVectors::clear);
    }

    /** Query text is also embedded by this image-text model, when one is installed. */
    public EmbeddingService useImageText(ImageTextEmbedderSource source) {
        this.imageText = source;
        return this;
    }

    public String wordsSpace() {
        return WORDS + embedder.space();
    }

    public String conceptsSpace() {
        return CONCEPTS + embedder.space();
    }

    /** The pipeline step: (re)computes what changed since last time, nothing else. */
    public StepHandler step() {
        return assetId -> assets.findLive(assetId).ifPresent(this::embed);
    }

    void embed(Asset a) {
        String words = words(a);
        update(a.id(), wordsSpace(), words, words.isBlank() ? null : () -> embedder.embed(words));
        List<ConceptScore> shown = enrichment.shownConcepts(a.id());
        String key = shown.stream().map(c -> c.concept() + "=" + Math.round(c.confidence() * 1000)).sorted().toList().toString();
        update(a.id(), conceptsSpace(), key, shown.isEmpty() ? null : () -> mix(shown));
    }

    private void update(String id, String space, String inputs, java.util.function.Supplier<float[]> compute) {
        if (compute == null) {
            vectors.delete(id, space);
            return;
        }
        String hash = io.vitrine.common.Hashes.sha256Hex(inputs);
        if (!vectors.inputsHash(id, space).map(hash::equals).orElse(false)) {
            vectors.put(id, space, compute.get(), hash);
        }
    }

    private static String words(Asset a) {
        EffectiveMetadata m = EffectiveMetadata.of(a);
        StringBuilder b = new StringBuilder();
        for (String part : new String[] {m.title(), m.description(), String.join(", ", m.keywordsOrEmpty())}) {
            if (part != null && !part.isBlank()) {
                b.append(part.strip()).append(". ");
            }
        }
        return b.toString().strip();
    }

    /** ConSE: the image's place in text space is where its concepts' names are, weighted by belief. */
    float[] mix(List<ConceptScore> concepts) {
        float[] sum = new float[embedder.dimensions()];
        for (ConceptScore c : concepts) {
            float[] v = conceptVectors.computeIfAbsent(c.concept(), id -> embedder.embed(
                    "a photo of " + enrichment.vocabulary().label(id, "en")));
            for (int i = 0; i < sum.length; i++) {
                sum[i] += (float) c.confidence() * v[i];
            }
        }
        return normalize(sum);
    }

    @Override
    public List<SearchQuery.Vector> vectorsFor(String text) {
        float[] q = embedder.embed(text);
        List<SearchQuery.Vector> out = new ArrayList<>(List.of(new SearchQuery.Vector(wordsSpace(), q, K, 1f, MIN_QUERY_SIMILARITY),
                new SearchQuery.Vector(conceptsSpace(), q, K, 1f, MIN_QUERY_SIMILARITY)));
        clipText(text).ifPresent(out::add);
        return out;
    }

    /** The CLIP text tower reads the translated (English) query as well as it reads any caption. */
    @Override
    public List<SearchQuery.Vector> wordVectorsFor(String text) {
        List<SearchQuery.Vector> out = new ArrayList<>(List.of(
                new SearchQuery.Vector(wordsSpace(), embedder.embed(text), K, 1f, MIN_QUERY_SIMILARITY)));
        clipText(text).ifPresent(out::add);
        return out;
    }

    /** The query in the CLIP space; a model that fails here leaves search to the other components. */
    private Optional<SearchQuery.Vector> clipText(String text) {
        Optional<ImageTextEmbedder> clip = imageText == null ? Optional.empty() : imageText.embedder();
        if (clip.isEmpty()) {
            return Optional.empty();
        }
        try {
            float[] v = clip.get().embedTexts(List.of(text)).getFirst();
            return Optional.of(new SearchQuery.Vector(clip.get().space(), v, K, 1f, MIN_CLIP_SIMILARITY));
        } catch (Exception | LinkageError e) {
            LOG.warn("CLIP query embedding failed, searching without it: {}", e.toString());
            return Optional.empty();
        }
    }

    public boolean hasImageText() {
        return imageText != null && imageText.embedder().isPresent();
    }

    /** An example image in the CLIP space (what it looks like); empty without a CLIP model. */
    public Optional<SearchQuery.Vector> forImage(java.nio.file.Path image) throws Exception {
        Optional<ImageTextEmbedder> clip = imageText == null ? Optional.empty() : imageText.embedder();
        if (clip.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new SearchQuery.Vector(clip.get().space(), clip.get().embedImages(List.of(image)).getFirst(), K, 1f));
    }

    /**
     * Assets like this one: near its image embedding (what it looks like; the CLIP space first, it
     * knows far more than a classifier's feature) when it has one, else near its concepts, else near its words.
     */
    public Optional<SearchQuery.Vector> similarTo(String assetId) {
        Map<String, float[]> mine = vectors.vectors(assetId);
        Optional<String> image = mine.keySet().stream().filter(s -> s.startsWith(CLIP)).sorted().findFirst()
                .or(() -> mine.keySet().stream().filter(s -> s.startsWith(IMAGE)).sorted().findFirst());
        if (image.isPresent()) {
            return Optional.of(new SearchQuery.Vector(image.get(), mine.get(image.get()), K, 1f));
        }
        for (String space : List.of(conceptsSpace(), wordsSpace())) {
            if (mine.containsKey(space)) {
                return Optional.of(new SearchQuery.Vector(space, mine.get(space), K, 1f));
            }
        }
        return Optional.empty();
    }

    /** An example image's concepts (already proposed by the tagger) as a query in concept space. */
    public Optional<SearchQuery.Vector> forConcepts(List<ConceptScore> proposed) {
        List<ConceptScore> shown = enrichment.shownConcepts(proposed);
        return shown.isEmpty() ? Optional.empty() : Optional.of(new SearchQuery.Vector(conceptsSpace(), mix(shown), K, 1f));
    }

    public Map<String, float[]> vectors(String assetId) {
        return vectors.vectors(assetId);
    }

    private static float[] normalize(float[] v) {
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
