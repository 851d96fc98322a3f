package io.vitrine.metadata.drew;

import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.Tag;
import com.drew.metadata.xmp.XmpDirectory;
import io.vitrine.metadata.RawTreeBuilder;
import java.util.Map;

/**
 * The raw tree: directory name ("Exif IFD0", "Exif SubIFD", "GPS", "IPTC", "ICC Profile", …) →
 * tag name → metadata-extractor's human description; XMP as property path ("dc:title[1]") →
 * value. Binary values are replaced by their size; parser warnings go under "_errors".
 */
final class DrewRawTree {

    private DrewRawTree() {}

    static Map<String, Object> of(Metadata metadata) {
        RawTreeBuilder tree = new RawTreeBuilder();
        for (Directory directory : metadata.getDirectories()) {
            String group = tree.newGroup(directory.getName());
            if (directory instanceof XmpDirectory xmp) {
                xmp.getXmpProperties().forEach((path, value) -> tree.put(group, path, value));
            } else {
                directory.getTags().forEach(tag -> tree.put(group, tag.getTagName(), describe(directory, tag)));
            }
            int n = 0;
            for (String error : directory.getErrors()) {
                tree.put(group, "_errors" + (n++ == 0 ? "" : " (" + n + ")"), error);
            }
        }
        return tree.build();
    }

    private static String describe(Directory directory, Tag tag) {
        try {
            Object value = directory.getObject(tag.getTagType());
            if (value instanceof byte[] bytes && bytes.length > 64) {
                return "(binary, " + bytes.length + " bytes)";
            }
            return tag.getDescription();
        } catch (RuntimeException e) {
            // A descriptor choking on a malformed value must not lose the rest of the tree.
            return "(unreadable: " + e.getClass().getSimpleName() + ")";
        }
    }
}
