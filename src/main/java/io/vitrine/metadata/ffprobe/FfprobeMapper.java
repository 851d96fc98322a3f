package io.vitrine.metadata.ffprobe;

import com.fasterxml.jackson.databind.JsonNode;
import io.vitrine.metadata.ExtractedMetadata;
import io.vitrine.metadata.MetadataText;
import io.vitrine.metadata.NormalizedMetadata;
import io.vitrine.metadata.RawTreeBuilder;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * ffprobe JSON to {@link ExtractedMetadata}. technical: durationSeconds, bitRate, container,
 * videoCodec, frameRate, rotation, audioCodec, sampleRate, channels. Width/height come from the
 * first real video stream (cover art is skipped), swapped when the display matrix or the legacy
 * {@code rotate} tag turns it a quarter. Tags are matched case-insensitively, format tags before
 * stream tags. raw: "format" and "stream N (type)" groups of flattened keys ("tags.title",
 * "side_data_list[0].rotation").
 */
final class FfprobeMapper {

    private FfprobeMapper() {}

    static ExtractedMetadata map(JsonNode root) {
        JsonNode format = root.path("format");
        List<JsonNode> streams = root.path("streams").isArray()
                ? iterable(root.path("streams")) : List.of();
        JsonNode video = streams.stream().filter(FfprobeMapper::isRealVideo).findFirst().orElse(null);
        JsonNode audio = streams.stream().filter(s -> "audio".equals(s.path("codec_type").asText()))
                .findFirst().orElse(null);
        Map<String, String> tags = tags(format, streams);
        Integer rotation = video == null ? null : FfprobeFields.rotation(video);
        boolean quarterTurn = rotation != null && Math.abs(rotation) % 180 == 90;
        Integer width = video == null ? null : FfprobeFields.positiveInt(video.path("width"));
        Integer height = video == null ? null : FfprobeFields.positiveInt(video.path("height"));
        return new ExtractedMetadata(
                quarterTurn ? height : width,
                quarterTurn ? width : height,
                null,
                normalized(tags),
                technical(format, video, audio, rotation),
                raw(format, streams),
                null);
    }

    private static boolean isRealVideo(JsonNode stream) {
        return "video".equals(stream.path("codec_type").asText())
                && stream.path("disposition").path("attached_pic").asInt(0) == 0;
    }

    /** Lower-cased tag names; the first source that has a tag wins (format, then streams). */
    private static Map<String, String> tags(JsonNode format, List<JsonNode> streams) {
        Map<String, String> tags = new HashMap<>();
        collectTags(format.path("tags"), tags);
        streams.forEach(s -> collectTags(s.path("tags"), tags));
        return tags;
    }

    private static void collectTags(JsonNode node, Map<String, String> into) {
        node.properties().forEach(e -> into.putIfAbsent(e.getKey().toLowerCase(Locale.ROOT), e.getValue().asText()));
    }

    private static NormalizedMetadata normalized(Map<String, String> tags) {
        String keywords = first(tags, "keywords", "com.apple.quicktime.keywords");
        return new NormalizedMetadata(
                FfprobeFields.instant(first(tags, "com.apple.quicktime.creationdate", "creation_time", "date")),
                MetadataText.clean(first(tags, "com.apple.quicktime.make", "make")),
                MetadataText.clean(first(tags, "com.apple.quicktime.model", "model")),
                FfprobeFields.iso6709(first(tags, "com.apple.quicktime.location.iso6709", "location")),
                MetadataText.clean(first(tags, "artist", "author", "com.apple.quicktime.author", "album_artist")),
                MetadataText.clean(first(tags, "copyright", "com.apple.quicktime.copyright")),
                MetadataText.clean(first(tags, "title", "com.apple.quicktime.title")),
                MetadataText.clean(first(tags, "description", "comment", "com.apple.quicktime.description")),
                keywords == null ? List.of() : Arrays.stream(keywords.split("[,;]"))
                        .map(MetadataText::clean).filter(k -> k != null).distinct().limit(200).toList());
    }

    private static String first(Map<String, String> tags, String... names) {
        for (String name : names) {
            String value = tags.get(name);
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }

    private static Map<String, Object> technical(JsonNode format, JsonNode video, JsonNode audio, Integer rotation) {
        Map<String, Object> t = new LinkedHashMap<>();
        put(t, "container", MetadataText.clean(format.path("format_name").asText(null)));
        put(t, "durationSeconds", FfprobeFields.positiveDouble(format.path("duration")));
        put(t, "bitRate", FfprobeFields.positiveLong(format.path("bit_rate")));
        if (video != null) {
            put(t, "videoCodec", MetadataText.clean(video.path("codec_name").asText(null)));
            put(t, "frameRate", FfprobeFields.rate(video.path("avg_frame_rate").asText(null),
                    video.path("r_frame_rate").asText(null)));
            put(t, "rotation", rotation);
        }
        if (audio != null) {
            put(t, "audioCodec", MetadataText.clean(audio.path("codec_name").asText(null)));
            put(t, "sampleRate", FfprobeFields.positiveInt(audio.path("sample_rate")));
            put(t, "channels", FfprobeFields.positiveInt(audio.path("channels")));
        }
        if (!t.containsKey("durationSeconds") && video != null) {
            put(t, "durationSeconds", FfprobeFields.positiveDouble(video.path("duration")));
        }
        return Map.copyOf(t);
    }

    private static Map<String, Object> raw(JsonNode format, List<JsonNode> streams) {
        RawTreeBuilder tree = new RawTreeBuilder();
        flatten(tree, tree.newGroup("format"), "", format, 0);
        for (JsonNode stream : streams) {
            String name = "stream " + stream.path("index").asInt() + " (" + stream.path("codec_type").asText("?") + ")";
            flatten(tree, tree.newGroup(name), "", stream, 0);
        }
        return tree.build();
    }

    private static void flatten(RawTreeBuilder tree, String group, String prefix, JsonNode node, int depth) {
        if (depth > 6) {
            return;
        }
        if (node.isObject()) {
            node.properties().forEach(e -> flatten(tree, group,
                    prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), depth + 1));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size() && i < 100; i++) {
                flatten(tree, group, prefix + "[" + i + "]", node.get(i), depth + 1);
            }
        } else if (!prefix.equals("filename")) {
            // The server-side path of the original says nothing about the asset: left out.
            tree.put(group, prefix, node.asText());
        }
    }

    private static List<JsonNode> iterable(JsonNode array) {
        List<JsonNode> out = new java.util.ArrayList<>();
        for (Iterator<JsonNode> it = array.elements(); it.hasNext() && out.size() < 1000; ) {
            out.add(it.next());
        }
        return out;
    }

    private static void put(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
