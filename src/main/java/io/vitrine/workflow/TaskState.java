package io.vitrine.workflow;

import java.util.Locale;

/** A review task is open until its approver decides it, or cancelled when its round ends without it. */
public enum TaskState {
    OPEN, APPROVED, REJECTED, CANCELLED;

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
