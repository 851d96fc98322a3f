package io.vitrine.search;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the index knows of one asset; built from the asset at the boundary, never persisted as-is.
 * {@code regions}: markets where the asset may be seen (empty = everywhere), for {@link
 * SearchQuery#visibleRegions()}. {@code tags}: words of the asset's searchable tags (accepted, or
 * drafts at or above their concept's threshold) — their labels in every language and those of their
 * broader concepts. {@code vectors}: embeddings by space id (model and version, e.g.
 * {@code image:mobilenetv2@12}), so two model versions can coexist while a re-embed runs.
 * {@code workflow}: the approval state ("draft", "approved", …), a facet; null when unknown.
 * {@code people}: faces found and not rejected, null when no face detector has looked at it.
 * {@code quality}: the technical quality score 0-100, null while unknown (a gentle ranking boost).
 * {@code collections}: ids of the collections the asset is in, for {@link SearchQuery#visibleCollections()}.
 * {@code risks}: the content risk flags raised on it (accepted, or drafts sure enough), a facet.
 */
public record IndexDocument(
        String id,
        String filename,
        String mediaType,
        String status,
        long bytes,
        Instant createdAt,
        Instant capturedAt,
        String title,
        String description,
        List<String> keywords,
        String creator,
        String copyright,
        String cameraMake,
        String cameraModel,
        String text,
        Map<String, String> custom,
        Set<String> regions,
        List<String> tags,
        Map<String, float[]> vectors,
        String workflow,
        Long people,
        Integer quality,
        Set<String> collections,
        Set<String> risks) {

    /** A document in no collection, without risk flags. */
    public IndexDocument(String id, String filename, String mediaType, String status, long bytes, Instant createdAt,
            Instant capturedAt, String title, String description, List<String> keywords, String creator,
            String copyright, String cameraMake, String cameraModel, String text, Map<String, String> custom,
            Set<String> regions, List<String> tags, Map<String, float[]> vectors, String workflow, Long people, Integer quality) {
        this(id, filename, mediaType, status, bytes, createdAt, capturedAt, title, description, keywords, creator,
                copyright, cameraMake, cameraModel, text, custom, regions, tags, vectors, workflow, people, quality, Set.of(), Set.of());
    }

    /** A document without a quality score. */
    public IndexDocument(String id, String filename, String mediaType, String status, long bytes, Instant createdAt,
            Instant capturedAt, String title, String description, List<String> keywords, String creator,
            String copyright, String cameraMake, String cameraModel, String text, Map<String, String> custom,
            Set<String> regions, List<String> tags, Map<String, float[]> vectors, String workflow, Long people) {
        this(id, filename, mediaType, status, bytes, createdAt, capturedAt, title, description, keywords, creator,
                copyright, cameraMake, cameraModel, text, custom, regions, tags, vectors, workflow, people, null);
    }

    public IndexDocument {
        regions = regions == null ? Set.of() : Set.copyOf(regions);
        tags = tags == null ? List.of() : List.copyOf(tags);
        vectors = vectors == null ? Map.of() : Map.copyOf(vectors);
        collections = collections == null ? Set.of() : Set.copyOf(collections);
        risks = risks == null ? Set.of() : Set.copyOf(risks);
    }

    /** A document without a workflow state or people count. */
    public IndexDocument(String id, String filename, String mediaType, String status, long bytes, Instant createdAt,
            Instant capturedAt, String title, String description, List<String> keywords, String creator,
            String copyright, String cameraMake, String cameraModel, String text, Map<String, String> custom,
            Set<String> regions, List<String> tags, Map<String, float[]> vectors) {
        this(id, filename, mediaType, status, bytes, createdAt, capturedAt, title, description, keywords, creator,
                copyright, cameraMake, cameraModel, text, custom, regions, tags, vectors, null, null);
    }

    /** A document without tags or embeddings. */
    public IndexDocument(String id, String filename, String mediaType, String status, long bytes, Instant createdAt,
            Instant capturedAt, String title, String description, List<String> keywords, String creator,
            String copyright, String cameraMake, String cameraModel, String text, Map<String, String> custom,
            Set<String> regions) {
        this(id, filename, mediaType, status, bytes, createdAt, capturedAt, title, description, keywords, creator,
                copyright, cameraMake, cameraModel, text, custom, regions, List.of(), Map.of());
    }

    /** A document visible in every region, without tags or embeddings. */
    public IndexDocument(String id, String filename, String mediaType, String status, long bytes, Instant createdAt,
            Instant capturedAt, String title, String description, List<String> keywords, String creator,
            String copyright, String cameraMake, String cameraModel, String text, Map<String, String> custom) {
        this(id, filename, mediaType, status, bytes, createdAt, capturedAt, title, description, keywords, creator,
                copyright, cameraMake, cameraModel, text, custom, Set.of());
    }

    /**
     * A digest of everything the index holds of this document: the index stores it, so a check
     * against the database can tell a stale document from a current one without comparing fields.
     */
    public String fingerprint() {
        StringBuilder b = new StringBuilder();
        for (Object o : new Object[] {id, filename, mediaType, status, bytes, createdAt, capturedAt, title, description, keywords,
                creator, copyright, cameraMake, cameraModel, text, custom == null ? null : new java.util.TreeMap<>(custom),
                new java.util.TreeSet<>(regions), tags, workflow, people, quality, new java.util.TreeSet<>(collections), new java.util.TreeSet<>(risks)}) {
            b.append(o).append('\u0000');
        }
        new java.util.TreeMap<>(vectors).forEach((space, v) -> b.append(space).append(java.util.Arrays.toString(v)).append('\u0000'));
        return io.vitrine.common.Hashes.sha256Hex(b.toString()).substring(0, 32); // 128 bits tell versions apart
    }

    public IndexDocument withVectors(Map<String, float[]> v) {
        return new IndexDocument(id, filename, mediaType, status, bytes, createdAt, capturedAt, title, description, keywords,
                creator, copyright, cameraMake, cameraModel, text, custom, regions, tags, v, workflow, people, quality, collections, risks);
    }

    public IndexDocument withTags(List<String> t) {
        return new IndexDocument(id, filename, mediaType, status, bytes, createdAt, capturedAt, title, description, keywords,
                creator, copyright, cameraMake, cameraModel, text, custom, regions, t, vectors, workflow, people, quality, collections, risks);
    }

    public IndexDocument withQuality(Integer q) {
        return new IndexDocument(id, filename, mediaType, status, bytes, createdAt, capturedAt, title, description, keywords,
                creator, copyright, cameraMake, cameraModel, text, custom, regions, tags, vectors, workflow, people, q, collections, risks);
    }

    /** With the collections the asset is in (the index filters callers limited to collections by them). */
    public IndexDocument withCollections(Set<String> c) {
        return new IndexDocument(id, filename, mediaType, status, bytes, createdAt, capturedAt, title, description, keywords,
                creator, copyright, cameraMake, cameraModel, text, custom, regions, tags, vectors, workflow, people, quality, c, risks);
    }

    public IndexDocument withWorkflow(String w) {
        return new IndexDocument(id, filename, mediaType, status, bytes, createdAt, capturedAt, title, description, keywords,
                creator, copyright, cameraMake, cameraModel, text, custom, regions, tags, vectors, w, people, quality, collections, risks);
    }

    /** With the text read off the image (OCR) after the extracted text, and the people count. */
    public IndexDocument withFindings(String readText, Long p) {
        String all = readText == null || readText.isBlank() ? text : text == null || text.isBlank() ? readText : text + "\n" + readText;
        return new IndexDocument(id, filename, mediaType, status, bytes, createdAt, capturedAt, title, description, keywords,
                creator, copyright, cameraMake, cameraModel, all, custom, regions, tags, vectors, workflow, p, quality, collections, risks);
    }

    public IndexDocument withRisks(Set<String> r) {
        return new IndexDocument(id, filename, mediaType, status, bytes, createdAt, capturedAt, title, description, keywords,
                creator, copyright, cameraMake, cameraModel, text, custom, regions, tags, vectors, workflow, people, quality, collections, r);
    }
}
