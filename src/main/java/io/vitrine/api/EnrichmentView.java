package io.vitrine.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.vitrine.enrich.Caption;
import io.vitrine.enrich.Enrichment;
import io.vitrine.enrich.Face;
import io.vitrine.enrich.PaletteColour;
import io.vitrine.enrich.Quality;
import io.vitrine.enrich.ReadText;
import io.vitrine.enrich.Transcriber;
import io.vitrine.enrich.TranscriptDetails;
import io.vitrine.enrich.Tag;
import io.vitrine.enrich.Vocabulary;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Enrichment as the asset JSON shows it: tag labels in the caller's language. */
record EnrichmentView(List<TagView> tags, List<PaletteColour> palette, Quality quality, Map<String, String> errors,
        List<FaceView> faces, List<TextView> text, Caption caption, long people, List<RiskView> risks) {

    /** A content risk flag: {@code evidence} names what raised it (a class and its probability, a masked match, an XMP value). */
    record RiskView(String flag, double confidence, String status, String source, String model, String modelVersion,
            List<String> evidence, Instant createdAt, Instant decidedAt) {}

    /** A tag concept's or a risk flag's threshold: the value, the configured default it started from, the decisions that moved it. */
    record ThresholdView(double value, @com.fasterxml.jackson.annotation.JsonProperty("default") double byDefault, int accepted,
            int rejected) {
        static ThresholdView of(io.vitrine.enrich.Thresholds t, String key) {
            var v = t.get(key);
            return new ThresholdView(Math.round(v.threshold() * 10_000) / 10_000.0, t.defaultThreshold(), v.accepted(), v.rejected());
        }
    }

    static RiskView risk(io.vitrine.risk.RiskFlag f) {
        return new RiskView(f.flag(), f.confidence(), f.status().apiName(), f.source(), f.model(), f.modelVersion(), f.evidence(),
                f.createdAt(), f.decidedAt());
    }

    /** Box and landmarks are fractions of the image's width and height (0..1, origin top left). */
    record FaceView(int number, Face.Box box, List<Face.Point> landmarks, double confidence, String status, String source,
            String model, String modelVersion, Instant createdAt, Instant decidedAt) {}

    /**
     * {@code quality} and {@code segments} for transcripts only (null for OCR): {@code low} means a
     * machine guess to search by, not a record of what was said; segments carry start and end seconds.
     */
    record TextView(String source, String language, String content, double confidence, String status, String model,
            String modelVersion, Instant createdAt, @JsonInclude(JsonInclude.Include.NON_NULL) String quality,
            @JsonInclude(JsonInclude.Include.NON_NULL) Boolean truncated,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<Transcriber.Segment> segments) {

        static TextView of(ReadText t, TranscriptDetails details) {
            boolean transcript = t.source().equals(ReadText.TRANSCRIPT);
            return new TextView(t.source(), t.language(), t.content(), t.confidence(), t.status().apiName(), t.model(),
                    t.modelVersion(), t.createdAt(), transcript ? (details == null ? "low" : details.quality()) : null,
                    transcript && details != null ? details.truncated() : null,
                    transcript && details != null ? details.segments() : null);
        }
    }

    record TagView(String concept, String label, double confidence, String status, String source, String model,
            String modelVersion, Instant createdAt, Instant decidedAt) {}

    static final EnrichmentView NONE = new EnrichmentView(List.of(), List.of(), null, Map.of(), List.of(), List.of(), null, 0, List.of());

    static EnrichmentView of(Enrichment e, Vocabulary vocabulary, String lang, List<io.vitrine.risk.RiskFlag> risks) {
        return new EnrichmentView(e.tags().stream().map(t -> tag(t, vocabulary, lang)).toList(), e.palette(), e.quality(),
                e.errors(), e.faces().stream().map(EnrichmentView::face).toList(),
                e.texts().stream().map(t -> TextView.of(t, e.transcript())).toList(),
                Caption.draft(e, vocabulary, lang).orElse(null), e.people(), risks.stream().map(EnrichmentView::risk).toList());
    }

    static FaceView face(Face f) {
        return new FaceView(f.number(), f.box(), f.landmarks(), f.confidence(), f.status().apiName(), "ai", f.model(),
                f.modelVersion(), f.createdAt(), f.decidedAt());
    }

    static TagView tag(Tag t, Vocabulary vocabulary, String lang) {
        return new TagView(t.concept(), vocabulary.label(t.concept(), lang), t.confidence(), t.status().apiName(), t.source(),
                t.model(), t.modelVersion(), t.createdAt(), t.decidedAt());
    }
}
