package io.vitrine.api;

import io.javalin.http.Context;

/** The shared {@code limit} rule for lists: 1 to 200, default 50 (a clear 400 otherwise). */
final class Paging {
    static final int DEFAULT = 50;
    static final int MAX = 200;

    private Paging() {}

    static int limit(Context ctx) {
        String v = ctx.queryParam("limit");
        if (v == null || v.isBlank()) {
            return DEFAULT;
        }
        try {
            int n = Integer.parseInt(v.strip());
            if (n >= 1 && n <= MAX) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // falls through to the same message as an out-of-range number
        }
        throw ApiException.badRequest("limit must be a whole number from 1 to " + MAX);
    }
}
