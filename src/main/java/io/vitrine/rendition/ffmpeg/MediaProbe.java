package io.vitrine.rendition.ffmpeg;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vitrine.rendition.RenditionException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** What ffprobe says about a file: duration and the first video stream's size, if any. */
record MediaProbe(Optional<Double> durationSeconds, boolean hasVideo, boolean hasAudio, int width, int height) {
    private static final ObjectMapper JSON = new ObjectMapper();

    static MediaProbe of(Ffmpeg ffmpeg, Path file, Path workDir) throws RenditionException {
        String json = ffmpeg.probe(List.of("-show_entries", "format=duration:stream=codec_type,width,height",
                "-of", "json", file.toAbsolutePath().toString()), workDir);
        try {
            return parse(JSON.readTree(json));
        } catch (Exception e) {
            throw new RenditionException("cannot read media information: " + e.getMessage(), e);
        }
    }

    private static MediaProbe parse(JsonNode root) {
        Optional<Double> duration = Optional.ofNullable(root.path("format").get("duration"))
                .map(JsonNode::asDouble).filter(d -> d > 0);
        boolean audio = false;
        JsonNode video = null;
        for (JsonNode stream : root.path("streams")) {
            String type = stream.path("codec_type").asText();
            audio |= type.equals("audio");
            if (type.equals("video") && video == null) {
                video = stream;
            }
        }
        return new MediaProbe(duration, video != null, audio,
                video == null ? 0 : video.path("width").asInt(), video == null ? 0 : video.path("height").asInt());
    }
}
