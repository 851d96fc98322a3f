package io.vitrine.storage;

import java.io.IOException;

/** More bytes arrived than the configured limit allows; maps to 413. */
public class BlobTooLargeException extends IOException {
    private final long limit;

    public BlobTooLargeException(long limit) {
        super("upload exceeds the limit of " + limit + " bytes");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}
