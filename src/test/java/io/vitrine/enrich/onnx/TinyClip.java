package io.vitrine.enrich.onnx;

import ai.onnx.proto.OnnxMl;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ByteString;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Writes a tiny CLIP export in the OpenCLIP/Immich layout, so the real loader can be tested without
 * weights. Visual tower: image [N,3,S,S] → per-channel mean → MatMul to D dims (red, green, blue on
 * the first three axes). Textual tower: token ids [N,77] → Gather rows of an embedding table → sum →
 * MatMul to D. Designed rows: "balloon" and "scarlet" point along red, "castle" along green, "fox"
 * along blue; every other token gets a small random row on the remaining axes, so prompts about
 * anything else sit near orthogonal to every image. Tokenizer: the real CLIP BPE.
 */
public final class TinyClip {
    public static final int DIM = 8;
    public static final int SIZE = 32;
    public static final float[] MEAN = {0.48145466f, 0.4578275f, 0.40821073f};
    public static final float[] STD = {0.26862954f, 0.26130258f, 0.27577711f};
    static final Map<String, Integer> DESIGNED = Map.of("balloon", 0, "scarlet", 0, "castle", 1, "fox", 2);

    /** {@code batch1}: graphs with a fixed batch of 1; {@code int64}: INT64 token ids (Immich uses INT32). */
    public record Options(boolean batch1, boolean int64, String imageOutput, String textOutput) {
        public static Options immich() {
            return new Options(false, false, "image_embedding", "text_embedding");
        }
    }

    private TinyClip() {}

    public static boolean available() {
        return Files.isRegularFile(ClipBpe.VOCAB);
    }

    public static Path write(Path dir) throws IOException {
        return write(dir, Options.immich());
    }

    public static Path write(Path dir, Options o) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<String> merges = ClipBpe.merges();
        Map<String, Integer> vocab = ClipBpe.vocab(merges);
        Files.createDirectories(dir.resolve("visual"));
        Files.createDirectories(dir.resolve("textual"));
        Files.write(dir.resolve("visual/model.onnx"), visual(o).toByteArray());
        Files.write(dir.resolve("textual/model.onnx"), textual(o, vocab).toByteArray());
        Files.writeString(dir.resolve("textual/tokenizer.json"), ClipBpe.tokenizerJson(vocab, merges, json));
        Files.writeString(dir.resolve("config.json"), """
                {"embed_dim": %d, "vision_cfg": {"image_size": %d, "layers": 1, "width": 3, "patch_size": %d},
                 "text_cfg": {"context_length": 77, "vocab_size": %d, "width": %d, "heads": 1, "layers": 1}}
                """.formatted(DIM, SIZE, SIZE, vocab.size(), DIM));
        Files.writeString(dir.resolve("visual/preprocess_cfg.json"), """
                {"size": [%d, %d], "mode": "RGB", "mean": [%s, %s, %s], "std": [%s, %s, %s],
                 "interpolation": "bicubic", "resize_mode": "shortest", "fill_color": 0}
                """.formatted(SIZE, SIZE, MEAN[0], MEAN[1], MEAN[2], STD[0], STD[1], STD[2]));
        return dir;
    }

    static OnnxMl.ModelProto visual(Options o) {
        float[] w = new float[3 * DIM];
        for (int c = 0; c < 3; c++) {
            w[c * DIM + c] = 1;
        }
        OnnxMl.GraphProto g = OnnxMl.GraphProto.newBuilder().setName("tiny_clip_visual")
                .addInput(value("image", OnnxMl.TensorProto.DataType.FLOAT, o.batch1(), 3, SIZE, SIZE))
                .addInitializer(floats("proj", w, 3, DIM))
                .addNode(node("ReduceMean", List.of("image"), "pooled").addAttribute(ints("axes", 2, 3))
                        .addAttribute(OnnxMl.AttributeProto.newBuilder().setName("keepdims").setType(OnnxMl.AttributeProto.AttributeType.INT).setI(0)))
                .addNode(node("MatMul", List.of("pooled", "proj"), o.imageOutput()))
                .addOutput(value(o.imageOutput(), OnnxMl.TensorProto.DataType.FLOAT, o.batch1(), DIM))
                .build();
        return model(g);
    }

    static OnnxMl.ModelProto textual(Options o, Map<String, Integer> vocab) {
        int v = vocab.size();
        float[] table = new float[v * DIM];
        Random random = new Random(42);
        for (int t = 1; t < v - 2; t++) {
            for (int d = 3; d < DIM; d++) {
                table[t * DIM + d] = (float) (random.nextGaussian() * 0.05);
            }
        }
        DESIGNED.forEach((word, axis) -> {
            Integer id = vocab.get(word + "</w>");
            if (id == null) {
                throw new IllegalStateException(word + " is not one CLIP token");
            }
            java.util.Arrays.fill(table, id * DIM, id * DIM + DIM, 0f);
            table[id * DIM + axis] = 1;
        });
        float[] identity = new float[DIM * DIM];
        for (int d = 0; d < DIM; d++) {
            identity[d * DIM + d] = 1;
        }
        var idType = o.int64() ? OnnxMl.TensorProto.DataType.INT64 : OnnxMl.TensorProto.DataType.INT32;
        OnnxMl.GraphProto g = OnnxMl.GraphProto.newBuilder().setName("tiny_clip_textual")
                .addInput(value("text", idType, o.batch1(), 77))
                .addInitializer(floats("token_embedding", table, v, DIM))
                .addInitializer(floats("text_projection", identity, DIM, DIM))
                .addInitializer(OnnxMl.TensorProto.newBuilder().setName("sum_axes").setDataType(OnnxMl.TensorProto.DataType.INT64_VALUE)
                        .addDims(1).addInt64Data(1))
                .addNode(node("Gather", List.of("token_embedding", "text"), "tokens"))
                .addNode(node("ReduceSum", List.of("tokens", "sum_axes"), "summed")
                        .addAttribute(OnnxMl.AttributeProto.newBuilder().setName("keepdims").setType(OnnxMl.AttributeProto.AttributeType.INT).setI(0)))
                .addNode(node("MatMul", List.of("summed", "text_projection"), o.textOutput()))
                .addOutput(value(o.textOutput(), OnnxMl.TensorProto.DataType.FLOAT, o.batch1(), DIM))
                .build();
        return model(g);
    }

    private static OnnxMl.ModelProto model(OnnxMl.GraphProto g) {
        return OnnxMl.ModelProto.newBuilder().setIrVersion(8).setProducerName("vitrine-tests")
                .addOpsetImport(OnnxMl.OperatorSetIdProto.newBuilder().setDomain("").setVersion(13)).setGraph(g).build();
    }

    private static OnnxMl.NodeProto.Builder node(String op, List<String> inputs, String output) {
        return OnnxMl.NodeProto.newBuilder().setOpType(op).setName(output + "_" + op).addAllInput(inputs).addOutput(output);
    }

    private static OnnxMl.AttributeProto ints(String name, long... values) {
        OnnxMl.AttributeProto.Builder b = OnnxMl.AttributeProto.newBuilder().setName(name).setType(OnnxMl.AttributeProto.AttributeType.INTS);
        for (long v : values) {
            b.addInts(v);
        }
        return b.build();
    }

    private static OnnxMl.TensorProto floats(String name, float[] values, long... dims) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(values);
        OnnxMl.TensorProto.Builder t = OnnxMl.TensorProto.newBuilder().setName(name).setDataType(OnnxMl.TensorProto.DataType.FLOAT_VALUE)
                .setRawData(ByteString.copyFrom(b.array()));
        for (long d : dims) {
            t.addDims(d);
        }
        return t.build();
    }

    /** A tensor value with a batch dimension first (named and open, or fixed at 1), then {@code dims}. */
    private static OnnxMl.ValueInfoProto value(String name, OnnxMl.TensorProto.DataType type, boolean batch1, long... dims) {
        OnnxMl.TensorShapeProto.Builder shape = OnnxMl.TensorShapeProto.newBuilder();
        shape.addDim(batch1 ? OnnxMl.TensorShapeProto.Dimension.newBuilder().setDimValue(1)
                : OnnxMl.TensorShapeProto.Dimension.newBuilder().setDimParam("batch"));
        for (long d : dims) {
            shape.addDim(OnnxMl.TensorShapeProto.Dimension.newBuilder().setDimValue(d));
        }
        return OnnxMl.ValueInfoProto.newBuilder().setName(name).setType(OnnxMl.TypeProto.newBuilder()
                .setTensorType(OnnxMl.TypeProto.Tensor.newBuilder().setElemType(type.getNumber()).setShape(shape))).build();
    }
}
