package io.vitrine.metadata.drew;

import com.adobe.internal.xmp.XMPConst;
import com.adobe.internal.xmp.XMPException;
import com.adobe.internal.xmp.XMPMeta;
import com.adobe.internal.xmp.properties.XMPProperty;
import com.drew.metadata.Metadata;
import com.drew.metadata.xmp.XmpDirectory;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Reads Dublin Core and friends from every XMP packet found, first non-empty value wins. */
final class DrewXmp {

    static final String NS_TIFF = XMPConst.NS_TIFF;
    static final String NS_EXIF = XMPConst.NS_EXIF;
    static final String NS_XMP = XMPConst.NS_XMP;
    static final String NS_PHOTOSHOP = XMPConst.NS_PHOTOSHOP;
    private static final int MAX_ITEMS = 200;

    private final List<XMPMeta> packets;

    DrewXmp(Metadata metadata) {
        this.packets = metadata.getDirectoriesOfType(XmpDirectory.class).stream()
                .map(XmpDirectory::getXMPMeta).filter(Objects::nonNull).toList();
    }

    String simple(String namespace, String property) {
        return first(xmp -> {
            XMPProperty value = xmp.getProperty(namespace, property);
            return value == null ? null : value.getValue();
        });
    }

    /** dc:title, dc:rights, dc:description: language alternatives, x-default preferred. */
    String localized(String dcProperty) {
        return first(xmp -> {
            XMPProperty value = xmp.getLocalizedText(XMPConst.NS_DC, dcProperty, null, XMPConst.X_DEFAULT);
            return value == null ? null : value.getValue();
        });
    }

    String firstItem(String dcProperty) {
        List<String> items = items(dcProperty);
        return items.isEmpty() ? null : items.getFirst();
    }

    /** dc:creator, dc:subject: ordered or unordered arrays. */
    List<String> items(String dcProperty) {
        List<String> items = new ArrayList<>();
        for (XMPMeta xmp : packets) {
            try {
                int count = Math.min(xmp.countArrayItems(XMPConst.NS_DC, dcProperty), MAX_ITEMS);
                for (int i = 1; i <= count; i++) {
                    XMPProperty item = xmp.getArrayItem(XMPConst.NS_DC, dcProperty, i);
                    if (item != null && item.getValue() != null) {
                        items.add(item.getValue());
                    }
                }
            } catch (XMPException | RuntimeException e) {
                // Not an array, or a malformed packet: the other sources still count.
            }
        }
        return items;
    }

    private String first(Lookup lookup) {
        for (XMPMeta xmp : packets) {
            try {
                String value = lookup.find(xmp);
                if (value != null && !value.isBlank()) {
                    return value;
                }
            } catch (XMPException | RuntimeException e) {
                // A wrongly typed property (e.g. dc:title as a plain string) is simply absent.
            }
        }
        return null;
    }

    @FunctionalInterface
    private interface Lookup {
        String find(XMPMeta xmp) throws XMPException;
    }
}
