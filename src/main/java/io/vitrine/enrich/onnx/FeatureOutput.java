package io.vitrine.enrich.onnx;

import ai.onnx.proto.OnnxMl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Adds a classifier's pooled feature (the input of its final classification layer) as a second graph
 * output, in memory, so one inference yields both the class logits and an image embedding. The
 * feature is found structurally: the tensor that a global average pool produces, which is what
 * MobileNet/ResNet/EfficientNet-style graphs feed their classifier. For a quantized graph
 * (QLinearGlobalAveragePool over uint8) the pool is recomputed in float over the dequantized input,
 * so the embedding keeps full precision instead of 256 levels.
 */
final class FeatureOutput {
    static final String NAME = "vitrine_image_feature";

    private FeatureOutput() {}

    /** The edited model bytes, or empty when the graph has no global average pool to expose. */
    static Optional<byte[]> add(Path onnxFile) throws IOException {
        OnnxMl.ModelProto model = OnnxMl.ModelProto.parseFrom(Files.readAllBytes(onnxFile));
        OnnxMl.GraphProto graph = model.getGraph();
        OnnxMl.GraphProto.Builder edited = graph.toBuilder();
        Optional<OnnxMl.NodeProto> pool = graph.getNodeList().stream()
                .filter(n -> n.getOpType().equals("GlobalAveragePool") || n.getOpType().equals("QLinearGlobalAveragePool"))
                .reduce((first, second) -> second);
        if (pool.isEmpty()) {
            return Optional.empty();
        }
        OnnxMl.NodeProto p = pool.get();
        if (p.getOpType().equals("GlobalAveragePool")) {
            edited.addNode(node("Identity", p.getOutput(0), NAME));
        } else {
            String dequantized = NAME + "_input";
            edited.addNode(node("DequantizeLinear", dequantized, p.getInput(0), p.getInput(1), p.getInput(2)));
            edited.addNode(node("GlobalAveragePool", NAME, dequantized));
        }
        edited.addOutput(OnnxMl.ValueInfoProto.newBuilder().setName(NAME).setType(OnnxMl.TypeProto.newBuilder()
                .setTensorType(OnnxMl.TypeProto.Tensor.newBuilder().setElemType(OnnxMl.TensorProto.DataType.FLOAT_VALUE))));
        return Optional.of(model.toBuilder().setGraph(edited).build().toByteArray());
    }

    private static OnnxMl.NodeProto node(String op, String output, String... inputs) {
        OnnxMl.NodeProto.Builder b = OnnxMl.NodeProto.newBuilder().setOpType(op).setName(output + "_" + op).addOutput(output);
        for (String in : inputs) {
            b.addInput(in);
        }
        return b.build();
    }
}
