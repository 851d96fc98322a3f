package io.vitrine.workflow;

/** The asset is not approved (or published), so it may not leave the company. */
public final class NotReleasedException extends RuntimeException {
    public NotReleasedException(String detail) {
        super(detail);
    }
}
