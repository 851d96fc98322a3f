package io.vitrine.risk;

import io.vitrine.enrich.ClassScore;
import io.vitrine.enrich.Face;
import io.vitrine.enrich.ReadText;
import io.vitrine.metadata.DigitalSourceType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns what the other steps found into risk flags, each with its evidence. Pure: the step gathers
 * the inputs, this decides. Only what the signals can honestly show is flagged (see
 * {@code risk/README.md}); nothing is inferred from tags' concepts or from words alone.
 */
final class RiskRules {
    static final String PEOPLE = "people-without-release";
    static final String PERSONAL_DATA = "personal-data";
    static final String AI_GENERATED = "ai-generated";
    static final String RULES_MODEL = "vitrine-risk-rules";

    /** Everything the rules look at. {@code textLayer}: a document's extracted text (null without one). */
    record Inputs(List<ClassScore> classes, String tagModel, String tagVersion, List<Face> faces, boolean released,
            List<ReadText> texts, String textLayer, Optional<DigitalSourceType.Declared> declared) {}

    private final ClassRisks classRisks;

    RiskRules(ClassRisks classRisks) {
        this.classRisks = classRisks;
    }

    String version() {
        return PersonalData.VERSION + "." + classRisks.version();
    }

    List<RiskFlag> derive(Inputs in, Optional<C2pa.Manifest> c2pa, Instant now) {
        List<RiskFlag> out = new ArrayList<>();
        people(in, now).ifPresent(out::add);
        if (in.tagModel() != null) {
            for (ClassRisks.Sighting s : classRisks.sightings(in.classes())) {
                out.add(RiskFlag.draft(s.flag(), s.confidence(), "ai", in.tagModel(), in.tagVersion(), s.evidence(), now));
            }
        }
        personalData(in, now).ifPresent(out::add);
        aiGenerated(in, c2pa, now).ifPresent(out::add);
        return out;
    }

    /** People are present (faces nobody rejected) and no release is attached; as sure as the surest face. */
    private static Optional<RiskFlag> people(Inputs in, Instant now) {
        List<Face> counted = in.faces().stream().filter(Face::counts).toList();
        if (counted.isEmpty() || in.released()) {
            return Optional.empty();
        }
        Face surest = counted.stream().max(java.util.Comparator.comparingDouble(RiskRules::certainty)).orElseThrow();
        String evidence = String.format(Locale.ROOT, "%d face%s found by %s (surest %.3f%s), no release attached", counted.size(),
                counted.size() == 1 ? "" : "s", surest.model(), surest.confidence(),
                counted.stream().anyMatch(f -> f.status() == io.vitrine.enrich.Tag.Status.ACCEPTED) ? ", confirmed by a person" : "");
        return Optional.of(RiskFlag.draft(PEOPLE, certainty(surest), "ai", surest.model(), surest.modelVersion(), List.of(evidence), now));
    }

    /**
     * An accepted {@code people-without-release} whose premise a release attached after the decision
     * removed: the reviewer confirmed "people, and no release", and the release then came. It no longer
     * counts and the step drops it; if the release is taken off again, the step proposes a new draft. A
     * flag accepted while the release was already attached stays (she judged that release insufficient),
     * and a rejected one stays rejected (the faces are still there; her word on them stands).
     */
    static boolean moot(RiskFlag f, Optional<Instant> releasedAt) {
        return f.flag().equals(PEOPLE) && f.status() == io.vitrine.enrich.Tag.Status.ACCEPTED && releasedAt.isPresent()
                && f.decidedAt() != null && f.decidedAt().isBefore(releasedAt.get());
    }

    /** A face a person confirmed is certain. */
    private static double certainty(Face f) {
        return f.status() == io.vitrine.enrich.Tag.Status.ACCEPTED ? 1.0 : f.confidence();
    }

    private static Optional<RiskFlag> personalData(Inputs in, Instant now) {
        List<String> evidence = new ArrayList<>();
        double best = 0;
        List<String> readers = new ArrayList<>();
        for (ReadText t : in.texts()) {
            best = Math.max(best, collect(PersonalData.find(t.content()), t.source() + " (" + t.model() + " " + t.modelVersion() + ")", evidence));
            readers.add(t.model() + " " + t.modelVersion());
        }
        best = Math.max(best, collect(PersonalData.find(in.textLayer()), "text layer", evidence));
        if (evidence.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(RiskFlag.draft(PERSONAL_DATA, best, "ai", RULES_MODEL + "/personal-data", version(readers), evidence, now));
    }

    private static String version(List<String> readers) {
        return readers.isEmpty() ? PersonalData.VERSION : PersonalData.VERSION + " on " + String.join(", ", readers);
    }

    private static double collect(List<PersonalData.Match> matches, String where, List<String> evidence) {
        double best = 0;
        for (PersonalData.Match m : matches) {
            evidence.add(where + ": " + m.kind() + " " + m.masked() + checked(m.kind()));
            best = Math.max(best, m.confidence());
        }
        return best;
    }

    private static String checked(String kind) {
        return switch (kind) {
            case "IBAN" -> " (mod-97 check holds)";
            case "card number" -> " (Luhn check holds)";
            default -> "";
        };
    }

    /** What the file declares: the XMP/IPTC Digital Source Type, or a C2PA manifest's (unvalidated) one. */
    private static Optional<RiskFlag> aiGenerated(Inputs in, Optional<C2pa.Manifest> c2pa, Instant now) {
        List<String> evidence = new ArrayList<>();
        double confidence = 0;
        if (in.declared().isPresent()) {
            DigitalSourceType.Declared d = in.declared().get();
            evidence.add("embedded metadata " + d.field() + " = " + d.value());
            confidence = 1.0;
        }
        if (c2pa.isPresent() && c2pa.get().aiCode().isPresent()) {
            evidence.add("C2PA manifest store at byte " + c2pa.get().offset() + " declares digitalSourceType " + c2pa.get().aiCode().get()
                    + " (signature not validated)");
            confidence = Math.max(confidence, 0.9);
        }
        if (evidence.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(RiskFlag.draft(AI_GENERATED, confidence, "metadata", RULES_MODEL + "/provenance", "1", evidence, now));
    }
}
