package io.vitrine.enrich;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The recognizer transcripts use, by the {@code VITRINE_TRANSCRIBER} setting: {@code whisper} or
 * {@code pocketsphinx} only, {@code off}, or {@code auto} (the default): whisper when it can run (a
 * whisper model installed and whisper.cpp loads), else pocketsphinx, the low-quality offline
 * fallback. The choice is made again for every call, so a whisper model pulled while the server runs
 * takes over from the next file, and its new model version makes earlier pocketsphinx transcripts
 * run again when their asset is re-enriched.
 */
public final class SpeechRecognizers implements Transcriber {
    public enum Mode {
        AUTO, WHISPER, POCKETSPHINX, OFF;

        public static Mode parse(String value) {
            try {
                return valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("VITRINE_TRANSCRIBER must be auto, whisper, pocketsphinx or off, got '" + value + "'", e);
            }
        }
    }

    private final Mode mode;
    private final Transcriber whisper;
    private final Transcriber fallback;

    public SpeechRecognizers(Mode mode, Transcriber whisper, Transcriber fallback) {
        this.mode = mode;
        this.whisper = whisper;
        this.fallback = fallback;
    }

    /** The recognizer this call uses: in auto mode whisper when it can run, else the fallback. */
    Transcriber active() {
        return switch (mode) {
            case WHISPER -> whisper;
            case POCKETSPHINX, OFF -> fallback;
            case AUTO -> whisper.unavailable().isEmpty() ? whisper : fallback;
        };
    }

    @Override
    public String model() {
        return active().model();
    }

    @Override
    public String modelVersion() {
        return active().modelVersion();
    }

    @Override
    public String language() {
        return active().language();
    }

    @Override
    public String quality() {
        return active().quality();
    }

    @Override
    public double limitSeconds() {
        return active().limitSeconds();
    }

    @Override
    public Optional<String> unavailable() {
        if (mode == Mode.OFF) {
            return Optional.of("turned off (VITRINE_TRANSCRIBER=off)");
        }
        Optional<String> off = active().unavailable();
        if (mode != Mode.AUTO || off.isEmpty()) {
            return off;
        }
        // neither can run: both reasons, so the operator can pick which to fix
        return Optional.of("no recognizer can run; whisper: " + whisper.unavailable().orElse("?") + "; pocketsphinx: " + off.get());
    }

    /** In auto mode on the fallback: why whisper is not the one transcribing. */
    @Override
    public Optional<String> note() {
        if (mode != Mode.AUTO || active() == whisper) {
            return Optional.empty();
        }
        return whisper.unavailable().map(r -> "whisper is off: " + r);
    }

    @Override
    public Optional<Transcript> transcribe(Path media) throws Exception {
        Optional<String> off = unavailable();
        if (off.isPresent()) {
            throw new IllegalStateException(off.get());
        }
        return active().transcribe(media);
    }
}
