package io.vitrine.search.lucene;

import io.vitrine.search.InvalidQueryException;
import io.vitrine.search.SearchQuery.SortOrder;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.util.BytesRef;

/**
 * The page cursor: URL-safe base64 (no padding) of
 * {@code [version:1][sort ordinal:1][score float:4 | date long:8][id length:2][id UTF-8]}, i.e. the
 * sort values of the last hit of the page. The sort order travels inside so that a cursor from
 * another order is rejected rather than silently misread.
 */
final class CursorCodec {

    private static final byte VERSION = 1;
    private static final int MAX_CURSOR_CHARS = 2_048;
    private static final int MAX_ID_BYTES = 1_024;

    private CursorCodec() {}

    /** @param last the last hit of a page searched with {@link SortSpec#sort(SortOrder)} */
    static String encode(SortOrder order, FieldDoc last) {
        byte[] id = ((BytesRef) last.fields[1]).utf8ToString().getBytes(StandardCharsets.UTF_8);
        ByteBuffer buffer = ByteBuffer.allocate(2 + 8 + 2 + id.length);
        buffer.put(VERSION).put((byte) order.ordinal());
        if (order == SortOrder.RELEVANCE) {
            buffer.putFloat((Float) last.fields[0]);
        } else {
            buffer.putLong((Long) last.fields[0]);
        }
        buffer.putShort((short) id.length).put(id);
        byte[] bytes = new byte[buffer.position()];
        buffer.flip().get(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * The {@code after} position for searchAfter; any malformed or foreign cursor is rejected.
     *
     * @param lastDoc the highest doc id of the reader: ties on (value, id) can only be the same
     *     asset, and placing the cursor after every doc keeps it from repeating
     */
    static FieldDoc decode(SortOrder order, String cursor, int lastDoc) {
        try {
            if (cursor.length() > MAX_CURSOR_CHARS) {
                throw invalid();
            }
            return read(order, ByteBuffer.wrap(Base64.getUrlDecoder().decode(cursor)), lastDoc);
        } catch (IllegalArgumentException | BufferUnderflowException | CharacterCodingException e) {
            throw invalid();
        }
    }

    private static FieldDoc read(SortOrder order, ByteBuffer in, int lastDoc) throws CharacterCodingException {
        if (in.get() != VERSION || in.get() != order.ordinal()) {
            throw invalid();
        }
        Object first = order == SortOrder.RELEVANCE ? (Object) in.getFloat() : (Object) in.getLong();
        if (first instanceof Float score && !Float.isFinite(score)) {
            throw invalid();
        }
        int length = Short.toUnsignedInt(in.getShort());
        if (length == 0 || length > MAX_ID_BYTES || length != in.remaining()) {
            throw invalid();
        }
        String id = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(in).toString();
        return new FieldDoc(lastDoc, Float.NaN, new Object[] {first, new BytesRef(id)});
    }

    private static InvalidQueryException invalid() {
        return new InvalidQueryException("invalid cursor");
    }
}
