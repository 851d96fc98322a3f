package io.vitrine.enrich;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Zero-shot tagging with an image-text model: every concept of the vocabulary becomes the mean of
 * its English label's prompt embeddings (the CLIP paper's prompt ensemble), an image's cosines to all
 * concepts times the model's logit scale go through a softmax, and each concept's share is its
 * confidence. One image inference also yields the image embedding, so the tags and the vector come
 * from the same run. Concept vectors are computed once per model version (the first image pays).
 */
public final class ZeroShotTagger implements Tagger {
    static final List<String> TEMPLATES = List.of("a photo of a %s.", "a photo of the %s.", "an image of %s.");
    static final int MAX_CONCEPTS = 10;

    private final ImageTextEmbedder model;
    private final List<String> concepts;
    private final float[][] conceptVectors;

    ZeroShotTagger(ImageTextEmbedder model, Vocabulary vocabulary) throws Exception {
        this.model = model;
        List<String> ids = new ArrayList<>();
        List<String> prompts = new ArrayList<>();
        for (Map.Entry<String, Map<String, String>> c : vocabulary.labels().entrySet()) {
            String label = c.getValue().get("en");
            if (label != null && !label.isBlank()) {
                ids.add(c.getKey());
                TEMPLATES.forEach(t -> prompts.add(t.formatted(label)));
            }
        }
        List<float[]> embedded = model.embedTexts(prompts);
        this.concepts = List.copyOf(ids);
        this.conceptVectors = new float[ids.size()][];
        for (int i = 0; i < ids.size(); i++) {
            conceptVectors[i] = mean(embedded.subList(i * TEMPLATES.size(), (i + 1) * TEMPLATES.size()));
        }
    }

    @Override
    public String model() {
        return model.model();
    }

    @Override
    public String modelVersion() {
        return model.modelVersion();
    }

    @Override
    public Optional<String> embeddingSpace() {
        return Optional.of(model.space());
    }

    ImageTextEmbedder embedder() {
        return model;
    }

    @Override
    public List<List<ConceptScore>> tag(List<Path> images) throws Exception {
        return analyse(images).stream().map(Analysis::concepts).toList();
    }

    @Override
    public List<Analysis> analyse(List<Path> images) throws Exception {
        List<Analysis> out = new ArrayList<>();
        for (float[] image : model.embedImages(images)) {
            out.add(new Analysis(scores(image), image));
        }
        return out;
    }

    /** Softmax over all concepts of scale × cosine; the {@value #MAX_CONCEPTS} most likely. */
    List<ConceptScore> scores(float[] image) {
        double[] logits = new double[concepts.size()];
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < logits.length; i++) {
            logits[i] = model.logitScale() * dot(image, conceptVectors[i]);
            max = Math.max(max, logits[i]);
        }
        double sum = 0;
        for (int i = 0; i < logits.length; i++) {
            logits[i] = Math.exp(logits[i] - max);
            sum += logits[i];
        }
        List<ConceptScore> all = new ArrayList<>(logits.length);
        for (int i = 0; i < logits.length; i++) {
            all.add(new ConceptScore(concepts.get(i), logits[i] / sum));
        }
        all.sort(Comparator.comparingDouble(ConceptScore::confidence).reversed());
        return List.copyOf(all.subList(0, Math.min(MAX_CONCEPTS, all.size())));
    }

    private static float[] mean(List<float[]> vectors) {
        float[] sum = new float[vectors.getFirst().length];
        for (float[] v : vectors) {
            for (int i = 0; i < sum.length; i++) {
                sum[i] += v[i];
            }
        }
        double n = 0;
        for (float x : sum) {
            n += x * x;
        }
        float inv = n == 0 ? 0 : (float) (1 / Math.sqrt(n));
        for (int i = 0; i < sum.length; i++) {
            sum[i] *= inv;
        }
        return sum;
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
