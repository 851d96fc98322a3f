package io.vitrine.enrich;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Faces and read text in the database. Contract: {@link #replaceFaces} swaps a model's draft faces
 * for a new set but keeps decided faces (a person's word outlives a re-run) and numbers new ones
 * after them; {@link #replaceText} keeps one text per asset and source, the last; an empty set
 * clears what was there.
 */
public interface FacesAndTextRepository {

    void replaceFaces(String assetId, List<Face> faces);

    List<Face> faces(String assetId);

    /** Sets a decision; empty when the asset has no such face. */
    Optional<Face> decideFace(String assetId, int number, Tag.Status status, Instant at);

    void replaceText(String assetId, String source, Optional<ReadText> text);

    List<ReadText> texts(String assetId);
}
