package io.vitrine.ingest;

/** An exact duplicate under {@link DuplicatePolicy#REJECT}; maps to 409 naming the existing asset. */
public class DuplicateRejectedException extends RuntimeException {
    private final String existingId;

    public DuplicateRejectedException(String existingId) {
        super("the same file is already stored as asset " + existingId);
        this.existingId = existingId;
    }

    public String existingId() {
        return existingId;
    }
}
