package io.vitrine.web;

import java.util.List;

/** What the library template shows; built from search results, never from persistence rows. */
public record LibraryPage(
        Chrome chrome,
        String q,
        String sort,
        long total,
        boolean browsing,
        List<Tile> tiles,
        List<FacetGroup> facets,
        String moreUrl) {

    /** A thumbnail in the grid; {@code thumbUrl} is null while there is none yet. */
    public record Tile(String id, String name, String kind, String thumbUrl, String status, String statusReason) {

        public boolean badge() {
            return !"ready".equals(status);
        }
    }

    public record FacetGroup(String name, String label, List<FacetValue> values) {}

    /** {@code value} is what the filter sends; {@code label} what the person reads. */
    public record FacetValue(String value, String label, long count, boolean selected) {}

    public record SortOption(String value, String label) {}

    public static final List<SortOption> SORTS = List.of(
            new SortOption("relevance", "Best match"), new SortOption("newest", "Newest first"), new SortOption("oldest", "Oldest first"));

    public boolean filtered() {
        return !browsing;
    }

    public String countText() {
        return total == 1 ? "1 asset" : String.format(java.util.Locale.ROOT, "%,d assets", total);
    }
}
