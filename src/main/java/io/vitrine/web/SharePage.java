package io.vitrine.web;

import java.util.List;

/**
 * View model of a share link's public page: a message (link gone, locked), the password form, or
 * the gallery. {@code base} is the link's own path, which every URL on the page starts with.
 */
public record SharePage(String title, String message, boolean askPassword, String passwordError, String base,
        List<Item> items, boolean download, String expires) {

    /** One shared asset: its thumbnail, a larger preview, and the original when downloads are on. */
    public record Item(String name, String thumbUrl, String previewUrl, String originalUrl) {}

    static SharePage message(String title, String message) {
        return new SharePage(title, message, false, null, null, List.of(), false, null);
    }
}
