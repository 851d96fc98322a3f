package io.vitrine.metadata.tika;

import io.vitrine.metadata.ExtractedMetadata;
import io.vitrine.metadata.MetadataText;
import io.vitrine.metadata.NormalizedMetadata;
import io.vitrine.metadata.RawTreeBuilder;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.tika.metadata.Office;
import org.apache.tika.metadata.PagedText;
import org.apache.tika.metadata.Property;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.metadata.Metadata;

/**
 * Tika metadata to {@link ExtractedMetadata}. technical: format (the detected Content-Type),
 * pageCount (xmpTPg:NPages or meta:page-count), encrypted when so. raw: one group "document" with
 * every Tika property name → its values joined by "; ".
 */
final class TikaMapper {

    private TikaMapper() {}

    static ExtractedMetadata map(Metadata metadata, String text, boolean encrypted) {
        return new ExtractedMetadata(null, null, null, normalized(metadata), technical(metadata, encrypted),
                raw(metadata), text == null || text.isBlank() ? null : text.strip());
    }

    private static NormalizedMetadata normalized(Metadata m) {
        return new NormalizedMetadata(
                created(m),
                null,
                null,
                null,
                first(m, TikaCoreProperties.CREATOR, Office.AUTHOR),
                first(m, TikaCoreProperties.RIGHTS),
                first(m, TikaCoreProperties.TITLE),
                first(m, TikaCoreProperties.DESCRIPTION, TikaCoreProperties.SUBJECT),
                keywords(m));
    }

    private static Instant created(Metadata m) {
        Date date = m.getDate(TikaCoreProperties.CREATED);
        return date == null ? null : date.toInstant();
    }

    private static String first(Metadata m, Property... properties) {
        return Stream.of(properties).map(m::get).map(MetadataText::clean)
                .filter(v -> v != null).findFirst().orElse(null);
    }

    private static List<String> keywords(Metadata m) {
        Set<String> keywords = new LinkedHashSet<>();
        for (String value : m.getValues(Office.KEYWORDS)) {
            Arrays.stream(value.split("[,;]")).map(MetadataText::clean).filter(k -> k != null).forEach(keywords::add);
        }
        return keywords.stream().limit(200).toList();
    }

    private static Map<String, Object> technical(Metadata m, boolean encrypted) {
        Map<String, Object> technical = new LinkedHashMap<>();
        String format = MetadataText.clean(m.get(Metadata.CONTENT_TYPE));
        if (format != null) {
            technical.put("format", format);
        }
        Integer pages = m.getInt(PagedText.N_PAGES);
        pages = pages != null ? pages : m.getInt(Office.PAGE_COUNT);
        if (pages != null && pages > 0) {
            technical.put("pageCount", pages);
        }
        if (encrypted) {
            technical.put("encrypted", true);
        }
        return Map.copyOf(technical);
    }

    private static Map<String, Object> raw(Metadata m) {
        RawTreeBuilder tree = new RawTreeBuilder();
        String group = tree.newGroup("document");
        for (String name : m.names()) {
            tree.put(group, name, String.join("; ", m.getValues(name)));
        }
        return tree.build();
    }
}
