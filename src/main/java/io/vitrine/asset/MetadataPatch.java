package io.vitrine.asset;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A person's edit of an asset's metadata, JSON-merge-patch style: an absent field keeps its value,
 * an explicit {@code null} (an empty Optional here) clears the human value so the embedded one shows
 * again. In {@code custom}, a null value removes that key.
 */
public record MetadataPatch(
        Optional<String> title,
        Optional<String> description,
        Optional<List<String>> keywords,
        Optional<String> creator,
        Optional<String> copyright,
        Map<String, String> custom,
        java.util.Set<String> present) {

    public UserMetadata applyTo(UserMetadata current) {
        UserMetadata c = current == null ? UserMetadata.EMPTY : current;
        return new UserMetadata(
                field("title", title, c.title()),
                field("description", description, c.description()),
                field("keywords", keywords, c.keywords()),
                field("creator", creator, c.creator()),
                field("copyright", copyright, c.copyright()),
                mergeCustom(c.custom()));
    }

    private <T> T field(String name, Optional<T> value, T current) {
        return present.contains(name) ? value.orElse(null) : current;
    }

    private Map<String, String> mergeCustom(Map<String, String> current) {
        if (!present.contains("custom")) {
            return current;
        }
        Map<String, String> out = new HashMap<>(current);
        custom.forEach((k, v) -> {
            if (v == null) {
                out.remove(k);
            } else {
                out.put(k, v);
            }
        });
        return out;
    }
}
