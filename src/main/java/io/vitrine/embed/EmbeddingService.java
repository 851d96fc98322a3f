package io.vitrine.embed;

import io.vitrine.asset.Asset;
import io.vitrine.asset.AssetRepository;
import io.vitrine.asset.EffectiveMetadata;
import io.vitrine.common.Hashes;
import io.vitrine.enrich.ConceptScore;
import io.vitrine.enrich.EnrichmentService;
import io.vitrine.enrich.ImageTextEmbedder;
import io.vitrine.enrich.ImageTextEmbedderSource;
import io.vitrine.pipeline.StepHandler;
import io.vitrine.search.QueryInterpretation;
import io.vitrine.search.SearchQuery;
import io.vitrine.search.SearchService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Puts assets and queries into text-embedding spaces, offline, in two ways: an asset's own words
 * (title, description, keywords) embedded directly, and its concepts embedded ConSE-style — the
 * confidence-weighted mix of the embeddings of its tag concepts' labels — so a photo nobody described
 * is still found by "dog on a beach". Every asset is in every space ({@link TextSpace}: bge-small-en
 * with English labels, bge-small-zh with Chinese labels when on); a query is searched in the space
 * of its language ({@link QueryVectors}).
 */
public final class EmbeddingService implements SearchService.QueryEmbedding {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(EmbeddingService.class);
    static final String WORDS = "words.";
    static final String CONCEPTS = "concepts.";
    /** Image-embedding spaces (written by the tagging step, one inference with the tags). */
    public static final String IMAGE = "image.";
    private static final int K = QueryVectors.K;
    /**
     * A Chinese query is also searched among English words through its concepts' English labels: on the
     * evaluation set (ChineseSemanticRecallTest) that found the English-captioned assets bge-small-zh
     * reads poorly — zh recall@10 1.00 instead of 0.83 with the vocabulary's words, 0.88 instead of 0.78
     * with paraphrases — for one more bge-small-en inference per query.
     */
    static final boolean ALSO_ENGLISH_LABELS = true;
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
    private final List<TextSpace> spaces;
    private final EnrichmentService enrichment;
    private final QueryVectors queries;
    private volatile ImageTextEmbedderSource imageText;

    public EmbeddingService(AssetRepository assets, EmbeddingRepository vectors, TextEmbedder embedder, EnrichmentService enrichment) {
        this(assets, vectors, List.of(TextSpace.english(embedder)), enrichment);
    }

    /** {@code spaces}: the first is English (it serves translated queries, similarity and example images). */
    public EmbeddingService(AssetRepository assets, EmbeddingRepository vectors, List<TextSpace> spaces, EnrichmentService enrichment) {
        this.assets = assets;
        this.vectors = vectors;
        this.spaces = List.copyOf(spaces);
        this.enrichment = enrichment;
        this.queries = new QueryVectors(spaces, ALSO_ENGLISH_LABELS, id -> enrichment.vocabulary().label(id, "en"));
        // a concept's label may change (people's concepts): embed the new one next time
        enrichment.vocabulary().onChange(() -> this.spaces.forEach(TextSpace::forget));
    }

    /** Query text is also embedded by this image-text model, when one is installed. */
    public EmbeddingService useImageText(ImageTextEmbedderSource source) {
        this.imageText = source;
        return this;
    }

    public String wordsSpace() {
        return spaces.getFirst().wordsSpace();
    }

    public String conceptsSpace() {
        return spaces.getFirst().conceptsSpace();
    }

    /** The languages a query is embedded in as typed (others are embedded as their concepts' English labels). */
    public java.util.Set<String> languages() {
        return java.util.Set.copyOf(queries.languages());
    }

    /** The pipeline step: (re)computes what changed since last time, nothing else. */
    public StepHandler step() {
        return assetId -> assets.findLive(assetId).ifPresent(this::embed);
    }

    void embed(Asset a) {
        String words = words(a);
        List<ConceptScore> shown = enrichment.shownConcepts(a.id());
        String key = shown.stream().map(c -> c.concept() + "=" + Math.round(c.confidence() * 1000)).sorted().toList().toString();
        java.util.Set<String> current = new java.util.HashSet<>();
        for (TextSpace s : spaces) {
            update(a.id(), s.wordsSpace(), words, words.isBlank() ? null : () -> s.embed(words));
            update(a.id(), s.conceptsSpace(), key, shown.isEmpty() ? null : () -> s.mix(shown, enrichment.vocabulary()::label));
            current.addAll(List.of(s.wordsSpace(), s.conceptsSpace()));
        }
        // a text space this node does not embed in (turned off, an older model version) cannot follow a change:
        // marked stale, its vector still serves nodes that use it, and the backfill redoes it when it is back
        vectors.markStale(a.id(), WORDS, current, Hashes.sha256Hex(words));
        vectors.markStale(a.id(), CONCEPTS, current, Hashes.sha256Hex(key));
    }

    /**
     * Assets embedded before a space was added (a server upgraded with a library, the zh space turned
     * on) have vectors in another text space but none in it: this many such asset ids, the ones to
     * queue for the embedding step again. Unchanged inputs cost only a hash lookup in the spaces they have.
     */
    public List<String> missingSpaces(int limit) {
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        for (TextSpace s : spaces) {
            out.addAll(vectors.lacking(WORDS, s.wordsSpace(), limit - out.size()));
            out.addAll(vectors.lacking(CONCEPTS, s.conceptsSpace(), limit - out.size()));
        }
        return List.copyOf(out).subList(0, Math.min(out.size(), limit));
    }

    private void update(String id, String space, String inputs, java.util.function.Supplier<float[]> compute) {
        if (compute == null) {
            vectors.delete(id, space);
            return;
        }
        String hash = Hashes.sha256Hex(inputs);
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

    /** ConSE in the English space (what example images are compared in). */
    float[] mix(List<ConceptScore> concepts) {
        return spaces.getFirst().mix(concepts, enrichment.vocabulary()::label);
    }

    @Override
    public List<SearchQuery.Vector> vectorsFor(QueryInterpretation.Interpretation read, String typed) {
        List<SearchQuery.Vector> out = new ArrayList<>(queries.of(read, typed));
        // the CLIP text tower reads English: the query as typed when English, else its concepts' English labels
        String english = read.language().equals("en") ? read.semanticText()
                : read.concepts().isEmpty() ? null : queries.englishLabels(read);
        if (english != null && !english.isBlank()) {
            clipText(english).ifPresent(out::add);
        }
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
}
