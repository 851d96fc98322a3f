package io.vitrine.enrich;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Proposes concepts of the vocabulary for images. Contract: one result list per input image, in
 * input order, each sorted by falling confidence (0..1) and holding only concept ids; a batch of
 * images costs no more than the same images one by one. Thread-safe.
 */
public interface Tagger {
    String model();

    String modelVersion();

    List<List<ConceptScore>> tag(List<Path> images) throws Exception;

    /**
     * The concepts, when the model yields one the L2-normalised image embedding (null otherwise), and
     * the most probable raw classes (empty when the model has no classes of its own), from one inference.
     */
    record Analysis(List<ConceptScore> concepts, float[] embedding, List<ClassScore> classes) {
        public Analysis {
            classes = classes == null ? List.of() : List.copyOf(classes);
        }

        public Analysis(List<ConceptScore> concepts, float[] embedding) {
            this(concepts, embedding, List.of());
        }
    }

    /** The embedding space of {@link Analysis#embedding()}, e.g. {@code image.mobilenetv2-12-int8@12-int8}; empty without one. */
    default Optional<String> embeddingSpace() {
        return Optional.empty();
    }

    default List<Analysis> analyse(List<Path> images) throws Exception {
        List<Analysis> out = new ArrayList<>();
        for (List<ConceptScore> c : tag(images)) {
            out.add(new Analysis(c, null));
        }
        return out;
    }
}
