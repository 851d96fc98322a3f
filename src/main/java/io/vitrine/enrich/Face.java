package io.vitrine.enrich;

import java.time.Instant;
import java.util.List;

/**
 * A face a detector found. {@code box} and {@code landmarks} are fractions of the image's width and
 * height (0..1, origin top left), so they hold for the original and every rendition; multiply by
 * the asset's width and height for pixels. A draft until a person accepts (a real face) or rejects
 * (not a face) it; a rejected face no longer counts as a person present.
 */
public record Face(int number, Box box, List<Point> landmarks, double confidence, Tag.Status status, String model,
        String modelVersion, Instant createdAt, Instant decidedAt) {

    public Face {
        landmarks = landmarks == null ? List.of() : List.copyOf(landmarks);
    }

    public record Box(double x, double y, double width, double height) {
        /** Intersection over union, 0..1. */
        public double overlap(Box o) {
            double iw = Math.max(0, Math.min(x + width, o.x + o.width) - Math.max(x, o.x));
            double ih = Math.max(0, Math.min(y + height, o.y + o.height) - Math.max(y, o.y));
            double union = width * height + o.width * o.height - iw * ih;
            return union <= 0 ? 0 : iw * ih / union;
        }
    }

    public record Point(double x, double y) {}

    /** What a detector reports before it is stored. */
    public record Detection(Box box, List<Point> landmarks, double confidence) {}

    public boolean counts() {
        return status != Tag.Status.REJECTED;
    }
}
