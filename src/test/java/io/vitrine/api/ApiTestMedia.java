package io.vitrine.api;

import java.io.IOException;

/** Generated media for tests outside this package. */
public final class ApiTestMedia {
    private ApiTestMedia() {}

    public static byte[] jpeg() throws IOException {
        return Media.jpeg(240, 160, 99);
    }
}
