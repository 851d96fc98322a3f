package io.vitrine.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.vitrine.asset.UserMetadata;
import io.vitrine.ingest.DuplicatePolicy;
import io.vitrine.ingest.IngestService;
import io.vitrine.ingest.Upload;
import io.vitrine.storage.StagedBlob;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.apache.commons.fileupload2.core.FileItemInput;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.jakarta.servlet5.JakartaServletDiskFileUpload;

/**
 * Reads an upload request as a stream: the {@code file} part goes straight to blob staging while
 * it is hashed, so no upload is ever held in memory; the optional {@code metadata} part is small
 * JSON. Anything malformed is rejected with nothing kept.
 */
final class MultipartReader {
    private static final int MAX_METADATA_BYTES = 64 * 1024;

    private final IngestService ingest;
    private final ObjectMapper json;

    MultipartReader(IngestService ingest, ObjectMapper json) {
        this.ingest = ingest;
        this.json = json;
    }

    Upload read(Context ctx) throws IOException {
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase().startsWith("multipart/form-data")) {
            throw ApiException.badRequest("send the file as multipart/form-data with a part named 'file'");
        }
        long declared = ctx.req().getContentLengthLong();
        if (declared > ingest.maxBytes() + MAX_METADATA_BYTES + 64 * 1024) {
            throw new ApiException(413, "too-large", "Upload too large", "upload exceeds the limit of " + ingest.maxBytes() + " bytes");
        }
        DuplicatePolicy policy = DuplicatePolicy.parse(ctx.queryParam("onDuplicate"));
        return readParts(ctx, policy);
    }

    private Upload readParts(Context ctx, DuplicatePolicy policy) throws IOException {
        StagedBlob blob = null;
        String filename = null;
        UserMetadata metadata = UserMetadata.EMPTY;
        try {
            FileItemInputIterator parts = new JakartaServletDiskFileUpload().getItemIterator(ctx.req());
            while (parts.hasNext()) {
                FileItemInput part = parts.next();
                if ("file".equals(part.getFieldName()) && blob == null) {
                    filename = part.getName();
                    try (InputStream in = part.getInputStream()) {
                        blob = ingest.stage(in);
                    }
                } else if ("metadata".equals(part.getFieldName())) {
                    metadata = metadata(part);
                } else {
                    drain(part);
                }
            }
        } catch (IOException | RuntimeException e) {
            if (blob != null) {
                blob.close();
            }
            throw e;
        }
        if (blob == null) {
            throw ApiException.badRequest("the multipart body has no part named 'file'");
        }
        return new Upload(blob, filename, metadata, policy);
    }

    private UserMetadata metadata(FileItemInput part) throws IOException {
        byte[] bytes;
        try (InputStream in = part.getInputStream()) {
            bytes = in.readNBytes(MAX_METADATA_BYTES + 1);
        }
        if (bytes.length > MAX_METADATA_BYTES) {
            throw ApiException.badRequest("the metadata part is larger than " + MAX_METADATA_BYTES + " bytes");
        }
        return MetadataJson.parseUpload(json, new String(bytes, StandardCharsets.UTF_8));
    }

    private static void drain(FileItemInput part) throws IOException {
        try (InputStream in = part.getInputStream()) {
            in.transferTo(OutputStreamSink.INSTANCE);
        }
    }

    private static final class OutputStreamSink extends java.io.OutputStream {
        static final OutputStreamSink INSTANCE = new OutputStreamSink();

        @Override
        public void write(int b) {}

        @Override
        public void write(byte[] b, int off, int len) {}
    }
}
