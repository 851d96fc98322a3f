package io.vitrine.api;

/** Thrown by routes to answer with a problem; carries everything the response needs. */
final class ApiException extends RuntimeException {
    private final Problem problem;

    ApiException(int status, String slug, String title, String detail) {
        super(detail);
        this.problem = Problem.of(status, slug, title, detail);
    }

    Problem problem() {
        return problem;
    }

    static ApiException badRequest(String detail) {
        return new ApiException(400, "bad-request", "Bad request", detail);
    }
}
