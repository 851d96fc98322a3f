package io.vitrine.web;

import io.vitrine.auth.Permission;
import io.vitrine.enrich.Enrichment;
import io.vitrine.enrich.EnrichmentService;
import io.vitrine.enrich.Tag;
import io.vitrine.enrich.Vocabulary;
import java.util.Comparator;
import java.util.List;

/**
 * The AI tags of an asset as the detail page shows them: drafts first by confidence, each labelled
 * in the user's language and never presented as fact (the page marks them "AI draft").
 */
final class AiTagChips {
    private final EnrichmentService enrichment;

    AiTagChips(EnrichmentService enrichment) {
        this.enrichment = enrichment;
    }

    AssetPage.AiTags of(String assetId, Sessions.SignedIn who, String lang) {
        Enrichment e = enrichment.of(assetId);
        Vocabulary vocabulary = enrichment.vocabulary();
        List<AssetPage.TagChip> chips = e.tags().stream()
                .sorted(Comparator.comparing((Tag t) -> t.status() != Tag.Status.DRAFT).thenComparing(Tag::confidence, Comparator.reverseOrder()))
                .map(t -> new AssetPage.TagChip(t.concept(), vocabulary.label(t.concept(), lang),
                        (int) Math.round(t.confidence() * 100), t.status().apiName(), t.model() + " " + t.modelVersion()))
                .toList();
        String note = chips.isEmpty() ? e.errors().getOrDefault("tags", "No AI tags yet: the tagger has not looked at this asset, "
                + "or no tagger model is installed (see Capabilities).") : null;
        List<AssetPage.FaceChip> faces = e.faces().stream().map(f -> new AssetPage.FaceChip(f.number(),
                (int) Math.round(f.confidence() * 100), f.status().apiName())).toList();
        return new AssetPage.AiTags(chips, who.principal().can(Permission.METADATA_EDIT), note, findings(e, vocabulary, lang), faces);
    }

    /** A transcript says it is a low-quality machine guess, so nobody reads it as what was said. */
    private static String textLine(io.vitrine.enrich.ReadText t, io.vitrine.enrich.TranscriptDetails details) {
        String words = t.content().replaceAll("\\s+", " ").strip();
        if (t.source().equals(io.vitrine.enrich.ReadText.TRANSCRIPT)) {
            String quality = details == null ? "low" : details.quality();
            return "Transcript (" + quality + " quality machine guess, not what was said; " + t.model() + ", "
                    + Math.round(t.confidence() * 100) + "%, AI draft" + (details != null && details.truncated()
                    ? ", first " + Math.round(details.limitSeconds() / 60) + " min only" : "") + "): " + words;
        }
        return "Text read (" + (t.language() == null ? "language unclear" : t.language()) + ", "
                + Math.round(t.confidence() * 100) + "%, AI draft): " + words;
    }

    /** Faces, text read and the caption draft as plain lines, each saying it is an AI draft. */
    private static List<String> findings(Enrichment e, Vocabulary vocabulary, String lang) {
        List<String> out = new java.util.ArrayList<>();
        if (e.people() > 0) {
            out.add("People: " + e.people() + (e.people() == 1 ? " face" : " faces") + " found (AI draft, " + e.faces().getFirst().model()
                    + "); portrait rights may be needed");
        }
        e.texts().forEach(t -> out.add(textLine(t, e.transcript())));
        io.vitrine.enrich.Caption.draft(e, vocabulary, lang).ifPresent(c -> out.add("Caption draft (AI, " + c.model() + "): " + c.text()));
        return out;
    }
}
