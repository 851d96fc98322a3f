package io.vitrine.cli;

import io.vitrine.Models;
import io.vitrine.config.VitrineConfig;
import io.vitrine.enrich.Face;
import io.vitrine.enrich.FaceDetector;
import io.vitrine.enrich.TextReader;
import io.vitrine.enrich.bench.PrintedText;
import io.vitrine.enrich.onnx.OnnxFaceDetectorSource;
import io.vitrine.enrich.process.TesseractTextReader;
import io.vitrine.storage.FileTrees;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * Face detection images/s (decode + letterbox + inference) and which photos of a folder have faces;
 * OCR images/s and character accuracy (1 − CER) on printed-text images it generates, per language,
 * font and background.
 */
@Command(name = "faces-ocr", description = "Face detection images/s and faces per photo; OCR images/s and character accuracy on generated printed text.")
final class BenchFacesOcr implements Callable<Integer> {
    @CommandLine.Mixin
    ModelBenchOptions options;

    @Parameters(arity = "0..1", paramLabel = "DIR", description = "photos for face detection (default: ../shared/corpus/photos)")
    Path dir = Path.of("../shared/corpus/photos");

    @Override
    public Integer call() throws Exception {
        PrintWriter out = options.out();
        VitrineConfig config = options.config();
        faces(config, out);
        ocr(config.enrich(), out);
        out.flush();
        return 0;
    }

    private void faces(VitrineConfig config, PrintWriter out) throws Exception {
        VitrineConfig.Enrich c = config.enrich();
        try (var source = new OnnxFaceDetectorSource(Models.modelStore(config, options.modelsDir()), c.faceModel(), c.inferenceThreads(), c.inferenceTimeout())) {
            FaceDetector d = source.detector().orElse(null);
            if (d == null) {
                out.println("faces: model " + c.faceModel() + " not installed; run `vitrine models pull " + c.faceModel() + "`");
                return;
            }
            Path work = Files.createTempDirectory("vitrine-bench-faces");
            try {
                detectAll(d, previews(BenchCommand.images(dir), work), out);
            } finally {
                FileTrees.delete(work);
            }
        }
    }

    /** 1024 px JPEGs like the preview rendition the pipeline feeds the detector (made before timing). */
    private Map<Path, Path> previews(List<Path> photos, Path work) throws java.io.IOException {
        Map<Path, Path> out = new java.util.LinkedHashMap<>();
        for (Path p : photos) {
            java.awt.image.BufferedImage src;
            try {
                src = javax.imageio.ImageIO.read(p.toFile());
            } catch (java.io.IOException | RuntimeException e) {
                src = null;
            }
            if (src == null) {
                continue; // e.g. WebP, which the pipeline renders to a JPEG preview first
            }
            double f = Math.min(1.0, 1024.0 / Math.max(src.getWidth(), src.getHeight()));
            int w = Math.max(1, (int) Math.round(src.getWidth() * f));
            int h = Math.max(1, (int) Math.round(src.getHeight() * f));
            var scaled = new java.awt.image.BufferedImage(w, h, java.awt.image.BufferedImage.TYPE_INT_RGB);
            var g = scaled.createGraphics();
            g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION, java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(src, 0, 0, w, h, null);
            g.dispose();
            Path file = work.resolve(out.size() + ".jpg");
            javax.imageio.ImageIO.write(scaled, "jpg", file.toFile());
            out.put(p, file);
        }
        return out;
    }

    private void detectAll(FaceDetector d, Map<Path, Path> previews, PrintWriter out) throws Exception {
        List<Path> photos = List.copyOf(previews.keySet());
        d.detect(previews.get(photos.getFirst())); // warm-up
        long start = System.nanoTime();
        int withFaces = 0;
        for (Path p : photos) {
            List<Face.Detection> found = d.detect(previews.get(p));
            if (!found.isEmpty()) {
                withFaces++;
                out.printf(Locale.ROOT, "  %-60s %d face(s), best %.2f%n", dir.relativize(p), found.size(), found.getFirst().confidence());
            }
        }
        double s = (System.nanoTime() - start) / 1e9;
        out.printf(Locale.ROOT, "faces %s %s: %d previews (1024 px) in %.1f s = %.1f images/s (decode + letterbox + inference); %d with faces%n",
                d.model(), d.modelVersion(), photos.size(), s, photos.size() / s, withFaces);
    }

    private static void ocr(VitrineConfig.Enrich c, PrintWriter out) throws Exception {
        var reader = new TesseractTextReader(c.tesseract(), c.ocrLanguages(), c.ocrTimeout());
        if (reader.unavailable().isPresent()) {
            out.println("ocr: " + reader.unavailable().get());
            return;
        }
        Path work = Files.createTempDirectory("vitrine-bench-ocr");
        try {
            List<PrintedText.Sample> samples = PrintedText.generate(work);
            Map<String, double[]> by = new TreeMap<>();
            double sum = 0;
            long start = System.nanoTime();
            for (PrintedText.Sample s : samples) {
                String read = reader.read(s.file()).map(TextReader.Result::content).orElse("");
                double acc = PrintedText.accuracy(s.text(), read);
                sum += acc;
                for (String key : List.of("language " + s.language(), "font " + s.font(), "size " + s.size(),
                        s.tinted() ? "background tinted" : "background white")) {
                    by.computeIfAbsent(key, k -> new double[2]);
                    by.get(key)[0] += acc;
                    by.get(key)[1]++;
                }
            }
            double secs = (System.nanoTime() - start) / 1e9;
            by.forEach((k, v) -> out.printf(Locale.ROOT, "  %-22s %.3f (%d images)%n", k, v[0] / v[1], (int) v[1]));
            out.printf(Locale.ROOT, "ocr %s %s: %d printed-text images in %.1f s = %.2f images/s; character accuracy %.3f%n",
                    reader.model(), reader.modelVersion(), samples.size(), secs, samples.size() / secs, sum / samples.size());
        } finally {
            FileTrees.delete(work);
        }
    }
}
