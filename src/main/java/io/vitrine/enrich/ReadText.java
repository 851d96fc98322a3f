package io.vitrine.enrich;

import java.time.Instant;

/**
 * Text read off an asset: {@code source} ocr (printed text on the image) or transcript (speech in
 * audio or video, a low-quality machine guess), {@code language} an ISO 639-1
 * code or null when undecided, {@code confidence} the reader's mean word confidence (0..1). An AI
 * draft like a tag: model, version, status and when.
 */
public record ReadText(String source, String language, String content, double confidence, Tag.Status status,
        String model, String modelVersion, Instant createdAt) {

    public static final String OCR = "ocr";
    public static final String TRANSCRIPT = "transcript";
}
