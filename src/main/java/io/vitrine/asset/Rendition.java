package io.vitrine.asset;

/** A stored derived file; {@code recipe} carries the recipe version ({@code thumb@v1}). */
public record Rendition(String name, String recipe, String sha256, String mediaType, int width, int height, long bytes) {

    /** The name a download of this rendition gets: {@code harbour.tif} → {@code harbour-thumb.jpg}. */
    public String downloadName(String originalFilename) {
        int dot = originalFilename.lastIndexOf('.');
        String base = dot > 0 ? originalFilename.substring(0, dot) : originalFilename;
        return base + "-" + name + switch (mediaType) {
            case "image/jpeg" -> ".jpg";
            case "image/webp" -> ".webp";
            case "image/png" -> ".png";
            case "video/mp4" -> ".mp4";
            default -> "";
        };
    }
}
