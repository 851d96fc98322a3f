package io.vitrine.enrich;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vitrine.asset.Asset;
import io.vitrine.pipeline.StepHandler;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Transcripts of audio and video assets, an optional step with the rules of the others
 * ({@link EnrichmentSteps}): skipped while the original and the recognizer's version are unchanged,
 * a failure recorded under {@value #KIND} without touching the asset, nothing done (and
 * capabilities say why) while the recognizer is missing. The words go to the asset's text (source
 * {@value ReadText#TRANSCRIPT}, so they are searchable like OCR text); the segments, the grade and
 * whether the file was cut go to the step's result ({@link TranscriptDetails}).
 */
public final class TranscriptStep {
    public static final String KIND = "transcript";

    private final EnrichmentSteps steps;
    private final Transcriber transcriber;
    private final FacesAndTextRepository repo;
    private final ObjectMapper json;
    private final Clock clock;

    public TranscriptStep(EnrichmentSteps steps, Transcriber transcriber, FacesAndTextRepository repo, ObjectMapper json, Clock clock) {
        this.steps = steps;
        this.transcriber = transcriber;
        this.repo = repo;
        this.json = json;
        this.clock = clock;
    }

    public StepHandler handler() {
        return id -> transcribe(id, false);
    }

    /** Returns whether the step ran (false: not audio or video, unchanged, or no recognizer on this node). */
    public boolean transcribe(String assetId, boolean force) throws Exception {
        return steps.runOnOriginal(assetId, TranscriptStep::hasSound, KIND, this::stamp, force, stamp -> (asset, file) -> {
            Optional<Transcriber.Transcript> heard = transcriber.transcribe(file);
            repo.replaceText(assetId, ReadText.TRANSCRIPT, heard.map(t -> new ReadText(ReadText.TRANSCRIPT,
                    t.language() != null ? t.language() : transcriber.language(), t.content(), t.confidence(), Tag.Status.DRAFT,
                    stamp.model(), stamp.version(), clock.instant().truncatedTo(ChronoUnit.MICROS))));
            return json.writeValueAsString(details(heard));
        });
    }

    /**
     * The recognizer's names, read once per run, so with a recognizer chosen per run (a whisper model pulled
     * meanwhile) the stored names stay consistent; empty while none can run. Asked only for audio and video:
     * choosing may scan the installed models, which an image's pipeline need not pay.
     */
    private Optional<EnrichmentSteps.Stamp> stamp() {
        if (transcriber.unavailable().isPresent()) {
            return Optional.empty();
        }
        return Optional.of(new EnrichmentSteps.Stamp(transcriber.model(), transcriber.modelVersion()));
    }

    private TranscriptDetails details(Optional<Transcriber.Transcript> heard) {
        return new TranscriptDetails(transcriber.quality(), heard.map(t -> t.content().split("\\s+").length).orElse(0),
                heard.map(Transcriber.Transcript::seconds).orElse(null), heard.map(Transcriber.Transcript::truncated).orElse(false),
                transcriber.limitSeconds(), heard.map(Transcriber.Transcript::segments).orElse(List.of()));
    }

    static boolean hasSound(Asset asset) {
        String type = asset.mediaType() == null ? "" : asset.mediaType().toLowerCase(Locale.ROOT);
        return type.startsWith("audio/") || type.startsWith("video/");
    }
}
