package io.vitrine.search.lucene;

import io.vitrine.search.Facet;
import io.vitrine.search.IndexDocument;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.util.BytesRef;

/** Turns an {@link IndexDocument} into a Lucene document following {@link IndexSchema}. */
final class DocumentMapper {

    /** Ids travel inside page cursors, which must stay short. */
    static final int MAX_ID_CHARS = 256;

    private final FacetsConfig facetsConfig;

    DocumentMapper(FacetsConfig facetsConfig) {
        this.facetsConfig = facetsConfig;
    }

    Document toDocument(IndexDocument source) {
        requireId(source.id());
        Document doc = new Document();
        doc.add(new StringField(IndexSchema.ID, source.id(), Field.Store.YES));
        doc.add(new SortedDocValuesField(IndexSchema.ID, new BytesRef(source.id())));
        doc.add(new org.apache.lucene.document.BinaryDocValuesField(IndexSchema.FINGERPRINT,
                new BytesRef(java.util.HexFormat.of().parseHex(source.fingerprint()))));
        addText(doc, source);
        LanguageFields.addTo(doc, source);
        RankingSignals.addTo(doc, source);
        addDate(doc, assetDate(source));
        addFacets(doc, source);
        addRegions(doc, source.regions());
        source.collections().forEach(c -> doc.add(new StringField(IndexSchema.COLLECTION, c, Field.Store.NO)));
        VectorFields.addTo(doc, source.vectors());
        try {
            return facetsConfig.build(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void requireId(String id) {
        if (id == null || id.isBlank() || id.length() > MAX_ID_CHARS) {
            throw new IllegalArgumentException("asset id must be 1.." + MAX_ID_CHARS + " characters");
        }
    }

    /** capturedAt when the camera told us, else when the asset entered Vitrine. */
    static Instant assetDate(IndexDocument source) {
        return source.capturedAt() != null ? source.capturedAt() : source.createdAt();
    }

    /** Milliseconds since the epoch, saturated: dates beyond ±292 million years are clamped. */
    static long epochMillis(Instant instant) {
        try {
            return instant.toEpochMilli();
        } catch (ArithmeticException e) {
            return instant.isBefore(Instant.EPOCH) ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    /** "image/JPEG; q=1" gives "image/jpeg": the facet counts types, not their parameters. */
    static String normalizeMediaType(String mediaType) {
        String bare = mediaType.split(";", 2)[0];
        return facetValue(bare).toLowerCase(Locale.ROOT);
    }

    private static void addText(Document doc, IndexDocument source) {
        addAnalyzed(doc, IndexSchema.FILENAME, source.filename());
        addAnalyzed(doc, IndexSchema.TITLE, source.title());
        addAnalyzed(doc, IndexSchema.DESCRIPTION, source.description());
        for (String keyword : nonNull(source.keywords())) {
            addAnalyzed(doc, IndexSchema.KEYWORDS, keyword);
        }
        addAnalyzed(doc, IndexSchema.CREATOR, source.creator());
        addAnalyzed(doc, IndexSchema.COPYRIGHT, source.copyright());
        addAnalyzed(doc, IndexSchema.CAMERA_MAKE, source.cameraMake());
        addAnalyzed(doc, IndexSchema.CAMERA_MODEL, source.cameraModel());
        addAnalyzed(doc, IndexSchema.TEXT, source.text());
        Map<String, String> custom = source.custom() == null ? Map.of() : source.custom();
        // values only: a field name such as "project" would otherwise match every asset having it
        custom.values().forEach(value -> addAnalyzed(doc, IndexSchema.CUSTOM, value));
        nonNull(source.tags()).forEach(tag -> addAnalyzed(doc, IndexSchema.TAGS, tag));
    }

    private static void addRegions(Document doc, Set<String> regions) {
        if (regions == null || regions.isEmpty()) {
            doc.add(new StringField(IndexSchema.REGION, IndexSchema.EVERYWHERE, Field.Store.NO));
            return;
        }
        regions.forEach(r -> doc.add(new StringField(IndexSchema.REGION, r, Field.Store.NO)));
    }

    private static void addAnalyzed(Document doc, String field, String value) {
        if (value != null && !value.isBlank()) {
            doc.add(new TextField(field, value, Field.Store.NO));
        }
    }

    private static void addDate(Document doc, Instant date) {
        if (date != null) {
            long millis = epochMillis(date);
            doc.add(new LongPoint(IndexSchema.DATE, millis));
            doc.add(new NumericDocValuesField(IndexSchema.DATE, millis));
        }
    }

    private static void addFacets(Document doc, IndexDocument source) {
        if (source.mediaType() != null && !source.mediaType().isBlank()) {
            String type = normalizeMediaType(source.mediaType());
            addFacet(doc, Facet.MEDIA_TYPE, type);
            doc.add(new StringField(IndexSchema.MEDIA_MAJOR, type.split("/", 2)[0], Field.Store.NO));
        }
        Instant date = assetDate(source);
        if (date != null) {
            addFacet(doc, Facet.YEAR, Integer.toString(date.atZone(ZoneOffset.UTC).getYear()));
        }
        addFacet(doc, Facet.CAMERA_MODEL, source.cameraModel());
        addFacet(doc, Facet.STATUS, source.status());
        addFacet(doc, Facet.WORKFLOW, source.workflow());
        if (source.people() != null) {
            addFacet(doc, Facet.PEOPLE, source.people() > 0 ? "present" : "none");
        }
        Set<String> keywords = new LinkedHashSet<>();
        nonNull(source.keywords()).forEach(k -> keywords.add(facetValue(k)));
        keywords.forEach(k -> addFacet(doc, Facet.KEYWORDS, k));
        new java.util.TreeSet<>(source.risks()).forEach(r -> addFacet(doc, Facet.RISK, r));
    }

    private static void addFacet(Document doc, Facet facet, String value) {
        String cleaned = facetValue(value);
        if (!cleaned.isEmpty()) {
            doc.add(new SortedSetDocValuesFacetField(facet.apiName(), cleaned));
        }
    }

    /** Trimmed and bounded; blank values are not counted. */
    static String facetValue(String value) {
        if (value == null) {
            return "";
        }
        return Texts.truncate(value.strip(), IndexSchema.MAX_FACET_VALUE_CHARS);
    }

    private static List<String> nonNull(List<String> values) {
        return values == null ? List.of() : values.stream().filter(Objects::nonNull).toList();
    }
}
