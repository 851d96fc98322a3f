package io.vitrine.web;

import io.vitrine.asset.Asset;
import io.vitrine.asset.EffectiveMetadata;

/** Maps an asset to its grid tile. */
final class Tiles {
    private Tiles() {}

    static LibraryPage.Tile of(Asset a) {
        boolean hasThumb = a.renditions().stream().anyMatch(r -> r.name().equals("thumb"));
        String title = EffectiveMetadata.of(a).title();
        return new LibraryPage.Tile(a.id(), title != null && !title.isBlank() ? title : a.filename(), kind(a.mediaType()),
                hasThumb ? "/assets/" + a.id() + "/renditions/thumb" : null, a.status().apiName(), a.statusReason());
    }

    static String kind(String mediaType) {
        if (mediaType.startsWith("image/")) {
            return "image";
        }
        if (mediaType.startsWith("video/")) {
            return "video";
        }
        if (mediaType.startsWith("audio/")) {
            return "audio";
        }
        return mediaType.equals("application/pdf") ? "pdf" : "document";
    }
}
