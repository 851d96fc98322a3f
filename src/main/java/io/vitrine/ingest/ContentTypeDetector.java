package io.vitrine.ingest;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Decides a file's media type from its bytes, never from its name.
 *
 * <p>Contract: {@link Detection#mediaType()} is what the content is (lower-case, no parameters,
 * {@code application/octet-stream} when unknown). {@link Detection#claimedType()} is what the
 * name's extension suggests (null without a known extension); {@link Detection#mismatch()} is true
 * when a known claimed type contradicts the content. Thread-safe; reads a bounded prefix plus, for
 * containers (ZIP/OLE/ISO-BMFF), the container directory.
 */
public interface ContentTypeDetector {

    Detection detect(Path file, String filename) throws IOException;

    record Detection(String mediaType, String claimedType, boolean mismatch) {}
}
