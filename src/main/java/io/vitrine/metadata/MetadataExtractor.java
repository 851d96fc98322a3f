package io.vitrine.metadata;

import java.nio.file.Path;

/**
 * Reads embedded metadata from an original file.
 *
 * <p>Contract: reads only; never modifies the file. Bounded in time and memory whatever the input
 * (hostile files included). Unknown or absent fields are null, never guessed. Broken input raises
 * {@link MetadataException} with a reason a person can read. Thread-safe.
 */
public interface MetadataExtractor {

    ExtractedMetadata extract(Path file, String mediaType) throws MetadataException;
}
