package io.vitrine.web;

import java.util.List;

/** View models of the collection pages and of the "add to collection" part of the asset page. */
public final class CollectionPages {
    private CollectionPages() {}

    public record Row(String id, String name, String description, int assetCount, String access) {}

    public record ListPage(Chrome chrome, List<Row> items, String error) {}

    public record LinkRow(String id, String use, String expires, boolean download, boolean password, long uses, String state) {}

    /** {@code newLinkUrl} is shown once, right after the link was made; {@code canShare} shows the link form. */
    public record DetailPage(Chrome chrome, String id, String name, String description, String access, List<LibraryPage.Tile> tiles,
            List<LinkRow> links, String newLinkUrl, String error, boolean canShare) {}

    public record Option(String id, String name) {}

    /** The asset page's collections card: where it is, where it can be added, what just happened. */
    /** {@code removable}: ids of the {@code in} collections she may take the asset out of. */
    public record AssetCard(String assetId, String csrf, List<Option> in, java.util.Set<String> removable, List<Option> addable,
            String message) {}
}
