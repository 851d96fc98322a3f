package io.vitrine.enrich.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.vitrine.enrich.Face;
import io.vitrine.enrich.FaceDetector;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * YuNet (libfacedetection) as a {@link FaceDetector}: the image letterboxed into the model's square
 * input (top left, zero padding, BGR 0-255), then per stride 8/16/32 every cell's score
 * sqrt(cls·obj), its box (cell offset + log size) and five landmarks, then non-maximum suppression.
 * A run that takes longer than {@code timeout} is terminated by ONNX Runtime, so a pathological
 * input cannot hold a worker.
 */
public final class YuNetFaceDetector implements FaceDetector, AutoCloseable {
    private static final int[] STRIDES = {8, 16, 32};
    private static final int MAX_FACES = 100;

    private final String model;
    private final String version;
    private final OrtEnvironment env;
    private final OrtSession session;
    private final String input;
    private final int size;
    private final float scoreThreshold;
    private final float nmsIou;
    private final Duration timeout;

    public YuNetFaceDetector(String model, String version, Path onnxFile, int size, float scoreThreshold, float nmsIou,
            int threads, Duration timeout) throws OrtException {
        this.model = model;
        this.version = version;
        this.size = size;
        this.scoreThreshold = scoreThreshold;
        this.nmsIou = nmsIou;
        this.timeout = timeout;
        this.env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(threads);
            options.setInterOpNumThreads(1);
            this.session = env.createSession(onnxFile.toString(), options);
        }
        this.input = session.getInputNames().iterator().next();
    }

    @Override
    public String model() {
        return model;
    }

    @Override
    public String modelVersion() {
        return version;
    }

    @Override
    public List<Face.Detection> detect(Path image) throws Exception {
        BufferedImage src = decode(image);
        float scale = (float) size / Math.max(src.getWidth(), src.getHeight());
        float[] data = letterbox(src, scale);
        List<Raw> raw;
        try (OnnxTensor tensor = OnnxTensor.createTensor(env, FloatBuffer.wrap(data), new long[] {1, 3, size, size});
                OrtSession.RunOptions run = new OrtSession.RunOptions();
                OrtSession.Result result = runBounded(Map.of(input, tensor), run)) {
            raw = decode(result);
        }
        return nms(raw).stream().map(r -> r.toDetection(src.getWidth() * scale, src.getHeight() * scale)).toList();
    }

    private static BufferedImage decode(Path image) throws IOException {
        BufferedImage src;
        try {
            src = ImageIO.read(image.toFile());
        } catch (IOException | RuntimeException e) {
            throw new IOException("not a decodable image: " + e.getMessage(), e);
        }
        if (src == null) {
            throw new IOException("not a decodable image: " + image.getFileName());
        }
        return src;
    }

    /** A watchdog sets ONNX Runtime's terminate flag when the run overstays; the run then throws. */
    private OrtSession.Result runBounded(Map<String, OnnxTensor> inputs, OrtSession.RunOptions run) throws OrtException {
        Thread watchdog = Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(timeout);
                run.setTerminate(true);
            } catch (InterruptedException | OrtException e) {
                // finished in time (interrupted) or the options are already closed
            }
        });
        try {
            return session.run(inputs, run);
        } catch (OrtException e) {
            if (!watchdog.isAlive()) {
                throw new OrtException("face detection did not finish within " + timeout.toMillis() + " ms");
            }
            throw e;
        } finally {
            watchdog.interrupt();
        }
    }

    private float[] letterbox(BufferedImage src, float scale) {
        int w = Math.max(1, Math.round(src.getWidth() * scale));
        int h = Math.max(1, Math.round(src.getHeight() * scale));
        BufferedImage canvas = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(src, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        int plane = size * size;
        int[] rgb = canvas.getRGB(0, 0, size, size, null, 0, size);
        float[] out = new float[3 * plane];
        for (int i = 0; i < plane; i++) {
            int p = rgb[i];
            out[i] = p & 0xff;
            out[plane + i] = (p >> 8) & 0xff;
            out[2 * plane + i] = (p >> 16) & 0xff;
        }
        return out;
    }

    private List<Raw> decode(OrtSession.Result result) throws OrtException {
        List<Raw> out = new ArrayList<>();
        for (int stride : STRIDES) {
            float[] cls = flat(result, "cls_" + stride);
            float[] obj = flat(result, "obj_" + stride);
            float[] bbox = flat(result, "bbox_" + stride);
            float[] kps = flat(result, "kps_" + stride);
            int cols = size / stride;
            for (int i = 0; i < cls.length; i++) {
                float score = (float) Math.sqrt(clamp(cls[i]) * clamp(obj[i]));
                if (score >= scoreThreshold) {
                    out.add(Raw.of(i % cols, i / cols, stride, bbox, kps, i, score));
                }
            }
        }
        return out;
    }

    private static float[] flat(OrtSession.Result result, String name) throws OrtException {
        OnnxTensor t = (OnnxTensor) result.get(name).orElseThrow(() -> new IllegalStateException("model has no output " + name));
        FloatBuffer b = t.getFloatBuffer();
        float[] out = new float[b.remaining()];
        b.get(out);
        return out;
    }

    private static float clamp(float v) {
        return Math.max(0f, Math.min(1f, v));
    }

    private List<Raw> nms(List<Raw> candidates) {
        List<Raw> sorted = new ArrayList<>(candidates);
        sorted.sort(Comparator.comparingDouble(Raw::score).reversed());
        List<Raw> kept = new ArrayList<>();
        for (Raw r : sorted) {
            if (kept.size() < MAX_FACES && kept.stream().noneMatch(k -> k.iou(r) > nmsIou)) {
                kept.add(r);
            }
        }
        return kept;
    }

    /** A candidate in letterboxed pixels: box x1, y1, x2, y2 and ten landmark coordinates. */
    private record Raw(float x1, float y1, float x2, float y2, float[] kps, float score) {
        static Raw of(int col, int row, int stride, float[] bbox, float[] kps, int i, float score) {
            float cx = (col + bbox[i * 4]) * stride;
            float cy = (row + bbox[i * 4 + 1]) * stride;
            float w = (float) Math.exp(bbox[i * 4 + 2]) * stride;
            float h = (float) Math.exp(bbox[i * 4 + 3]) * stride;
            float[] points = new float[10];
            for (int k = 0; k < 5; k++) {
                points[2 * k] = (kps[i * 10 + 2 * k] + col) * stride;
                points[2 * k + 1] = (kps[i * 10 + 2 * k + 1] + row) * stride;
            }
            return new Raw(cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2, points, score);
        }

        float iou(Raw o) {
            float iw = Math.max(0, Math.min(x2, o.x2) - Math.max(x1, o.x1));
            float ih = Math.max(0, Math.min(y2, o.y2) - Math.max(y1, o.y1));
            float inter = iw * ih;
            float union = (x2 - x1) * (y2 - y1) + (o.x2 - o.x1) * (o.y2 - o.y1) - inter;
            return union <= 0 ? 0 : inter / union;
        }

        /** Fractions of the image, which fills {@code w} × {@code h} of the letterbox. */
        Face.Detection toDetection(float w, float h) {
            double x = frac(x1, w);
            double y = frac(y1, h);
            List<Face.Point> points = new ArrayList<>();
            for (int k = 0; k < 5; k++) {
                points.add(new Face.Point(frac(kps[2 * k], w), frac(kps[2 * k + 1], h)));
            }
            return new Face.Detection(new Face.Box(x, y, frac(x2, w) - x, frac(y2, h) - y), points,
                    Math.round(score * 10_000) / 10_000.0);
        }

        private static double frac(float v, float extent) {
            return Math.round(Math.max(0, Math.min(1, v / extent)) * 100_000) / 100_000.0;
        }
    }

    @Override
    public void close() throws OrtException {
        session.close();
    }
}
