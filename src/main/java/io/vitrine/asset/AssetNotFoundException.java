package io.vitrine.asset;

/** No live asset with that id (or the caller may not know it exists); maps to 404. */
public class AssetNotFoundException extends RuntimeException {
    public AssetNotFoundException(String id) {
        super("no asset with id '" + abbreviate(id) + "'");
    }

    private static String abbreviate(String id) {
        return id.length() > 40 ? id.substring(0, 40) + "…" : id;
    }
}
