package io.vitrine.web;

import java.util.List;

/** The asset page's "related" card: possible duplicates (with their verdict and status) and visually similar assets. */
public record RelatedCard(List<Item> duplicates, List<LibraryPage.Tile> similar, String similarNote) {

    public record Item(LibraryPage.Tile tile, String verdict, String status) {}
}
