package io.vitrine.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An RFC 9457 problem detail; {@code type} is a relative URI naming the kind of problem. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, String existingId) {

    public static final String MEDIA_TYPE = "application/problem+json";

    static Problem of(int status, String slug, String title, String detail) {
        return new Problem("/problems/" + slug, title, status, detail, null, null);
    }

    Problem at(String path) {
        return new Problem(type, title, status, detail, path, existingId);
    }
}
