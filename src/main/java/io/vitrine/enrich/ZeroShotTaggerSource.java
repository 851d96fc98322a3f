package io.vitrine.enrich;

import java.util.Optional;

/** The zero-shot tagger of the image-text model in use, rebuilt (concept prompts re-embedded) only when that model changes. */
public final class ZeroShotTaggerSource implements TaggerSource {
    private final ImageTextEmbedderSource models;
    private final Vocabulary vocabulary;
    private volatile ZeroShotTagger current;

    public ZeroShotTaggerSource(ImageTextEmbedderSource models, Vocabulary vocabulary) {
        this.models = models;
        this.vocabulary = vocabulary;
    }

    @Override
    public String modelName() {
        ZeroShotTagger t = current;
        return t == null ? "clip" : t.model();
    }

    @Override
    public synchronized Optional<Tagger> tagger() throws Exception {
        Optional<ImageTextEmbedder> model = models.embedder();
        if (model.isEmpty()) {
            current = null;
            return Optional.empty();
        }
        if (current == null || current.embedder() != model.get()) {
            current = new ZeroShotTagger(model.get(), vocabulary);
        }
        return Optional.of(current);
    }
}
