package io.vitrine.embed.onnx;

import ai.djl.huggingface.tokenizers.Encoding;

/** One tokenized text as the model's three INT64 inputs of shape [1, length]. */
record Tokens(long[] ids, long[] mask, long[] types) {

    static Tokens of(Encoding e) {
        return new Tokens(e.getIds(), e.getAttentionMask(), e.getTypeIds());
    }

    long[] shape() {
        return new long[] {1, ids.length};
    }
}
