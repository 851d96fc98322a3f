package io.vitrine.web;

import java.util.List;

/**
 * The review page: approval tasks waiting for the signed-in person's roles, and possible duplicates
 * to resolve. {@code message} reports the decision just made.
 */
public record ReviewPage(Chrome chrome, boolean canReview, List<Task> tasks, boolean canResolve, List<Pair> pairs,
        List<Drafts> drafts, String message) {
    /** At most this many of each list are shown; a full list's count says "50+". */
    public static final int SHOWN = 50;

    /** The count in a section's heading, kept current by the live updates. */
    public String countOf(List<?> shown) {
        return shown.size() >= SHOWN ? SHOWN + "+" : String.valueOf(shown.size());
    }

    /** An asset whose AI tags wait for a person's decision. */
    public record Drafts(LibraryPage.Tile tile, int count) {}

    /** An open approval task; {@code due} is a date, {@code overdue} when it passed. */
    public record Task(String taskId, String assetId, String name, String thumbUrl, String role, int tier, String channel,
            String due, boolean overdue) {}

    /** An open near-duplicate pair, both sides visible to the person. */
    public record Pair(String a, String aName, String aThumb, String b, String bName, String bThumb, String verdict) {}
}
