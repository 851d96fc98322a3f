package io.vitrine.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Looks inside an upload of a given type for content that must not be served as-is (scripts in
 * SVG, …). A reason quarantines the asset: stored, never rendered or delivered until reviewed.
 */
public interface ContentInspector {

    Optional<String> unsafeReason(Path file, String mediaType) throws IOException;
}
