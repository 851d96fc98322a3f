package io.vitrine.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.vitrine.asset.Asset;
import io.vitrine.asset.AssetVersion;
import io.vitrine.asset.EffectiveMetadata;
import io.vitrine.asset.Rendition;
import io.vitrine.metadata.ExtractedMetadata;
import io.vitrine.metadata.NormalizedMetadata;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The asset as the API shows it (DESIGN.md §4); built from the domain record, never from a row. */
record AssetView(
        String id,
        String filename,
        String mediaType,
        long bytes,
        String sha256,
        String status,
        String statusReason,
        Integer width,
        Integer height,
        int version,
        boolean typeMismatch,
        String claimedType,
        Instant createdAt,
        Instant updatedAt,
        MetadataView metadata,
        List<EnrichmentView.TagView> tags,
        List<io.vitrine.enrich.PaletteColour> palette,
        io.vitrine.enrich.Quality quality,
        List<EnrichmentView.FaceView> faces,
        List<EnrichmentView.TextView> text,
        io.vitrine.enrich.Caption caption,
        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean portraitRightsNeeded,
        List<EnrichmentView.RiskView> risks,
        EnrichmentStatus enrichment,
        List<RenditionView> renditions,
        List<String> regions,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<LicenceJson.LicenceView> licences,
        @JsonInclude(JsonInclude.Include.NON_NULL) String duplicateOf,
        @JsonInclude(JsonInclude.Include.NON_NULL) WorkflowJson.Summary workflow) {

    record MetadataView(
            Instant capturedAt,
            String cameraMake,
            String cameraModel,
            NormalizedMetadata.Gps gps,
            String creator,
            String copyright,
            String title,
            String description,
            List<String> keywords,
            Map<String, String> custom,
            Map<String, String> sources,
            Map<String, Object> technical,
            @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Object> raw) {}

    /** {@code errors}: enrichment step (tags, palette, quality, faces, ocr, transcript) → why it failed; the asset itself is unaffected. */
    record EnrichmentStatus(Map<String, String> errors) {}

    record RenditionView(String name, String mediaType, int width, int height, long bytes, String url) {}

    record VersionView(int version, String filename, String mediaType, long bytes, String sha256, Instant createdAt, boolean current) {}

    /** {@code withRaw}: the full embedded tree is large, so lists leave it out. */
    static AssetView of(Asset a, boolean withRaw, String duplicateOf) {
        return of(a, withRaw, duplicateOf, EnrichmentView.NONE);
    }

    static AssetView of(Asset a, boolean withRaw, String duplicateOf, EnrichmentView e) {
        return new AssetView(a.id(), a.filename(), a.mediaType(), a.bytes(), a.sha256(), a.status().apiName(),
                a.statusReason(), a.width(), a.height(), a.version(), a.typeMismatch(), a.claimedType(),
                a.createdAt(), a.updatedAt(), metadata(a, withRaw), e.tags(), e.palette(), e.quality(), e.faces(), e.text(),
                e.caption(), null, e.risks(), new EnrichmentStatus(e.errors()), a.renditions().stream().map(r -> rendition(a.id(), r)).toList(),
                List.copyOf(new java.util.TreeSet<>(a.regions())), null, duplicateOf, null);
    }

    /**
     * Single-asset answers list the licences; lists and search leave them out (one query per asset).
     * With them comes {@code portraitRightsNeeded}: people are present (faces nobody rejected) and no
     * release is attached.
     */
    AssetView withLicences(List<LicenceJson.LicenceView> l, long people) {
        boolean released = l.stream().anyMatch(v -> "release".equals(v.kind()));
        return new AssetView(id, filename, mediaType, bytes, sha256, status, statusReason, width, height, version,
                typeMismatch, claimedType, createdAt, updatedAt, metadata, tags, palette, quality, faces, text, caption,
                people > 0 && !released, risks, enrichment, renditions, regions, List.copyOf(l), duplicateOf, workflow);
    }

    /** The approval state; single assets, lists and uploads show it (search hits carry it as a facet). */
    AssetView withWorkflow(WorkflowJson.Summary w) {
        return new AssetView(id, filename, mediaType, bytes, sha256, status, statusReason, width, height, version,
                typeMismatch, claimedType, createdAt, updatedAt, metadata, tags, palette, quality, faces, text, caption,
                portraitRightsNeeded, risks, enrichment, renditions, regions, licences, duplicateOf, w);
    }

    private static MetadataView metadata(Asset a, boolean withRaw) {
        EffectiveMetadata m = EffectiveMetadata.of(a);
        ExtractedMetadata x = a.extracted();
        return new MetadataView(m.capturedAt(), m.cameraMake(), m.cameraModel(), m.gps(), m.creator(), m.copyright(),
                m.title(), m.description(), m.keywordsOrEmpty(), m.custom(), m.sources(),
                x == null || x.technical() == null ? Map.of() : x.technical(),
                withRaw ? (x == null || x.raw() == null ? Map.of() : x.raw()) : null);
    }

    private static RenditionView rendition(String assetId, Rendition r) {
        return new RenditionView(r.name(), r.mediaType(), r.width(), r.height(), r.bytes(),
                "/api/v1/assets/" + assetId + "/renditions/" + r.name());
    }

    static VersionView version(AssetVersion v, int current) {
        return new VersionView(v.version(), v.filename(), v.mediaType(), v.bytes(), v.sha256(), v.createdAt(), v.version() == current);
    }
}
