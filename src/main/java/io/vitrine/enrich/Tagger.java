package io.vitrine.enrich;

import java.nio.file.Path;
import java.util.List;

/**
 * Proposes concepts of the vocabulary for images. Contract: one result list per input image, in
 * input order, each sorted by falling confidence (0..1) and holding only concept ids; a batch of
 * images costs no more than the same images one by one. Thread-safe.
 */
public interface Tagger {
    String model();

    String modelVersion();

    List<List<ConceptScore>> tag(List<Path> images) throws Exception;
}
