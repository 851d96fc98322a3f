package io.vitrine.metadata.ffprobe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vitrine.metadata.ExtractedMetadata;
import io.vitrine.metadata.MetadataException;
import io.vitrine.metadata.MetadataExtractor;
import io.vitrine.metadata.TimeLimit;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Video and audio metadata from {@code ffprobe -show_format -show_streams} as JSON. The command
 * is an argument list (never a shell), the input an absolute path (so a name starting with "-"
 * or containing "proto:" is never read as an option or a protocol), only the {@code file}
 * protocol is allowed (a playlist cannot make us fetch URLs), stdout is capped and the process
 * is killed at the deadline. See {@code FfprobeMapper} for the fields. Thread-safe.
 */
public final class FfprobeMetadataExtractor implements MetadataExtractor {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    private static final int MAX_OUTPUT_BYTES = 4 * 1024 * 1024;
    private static final int MAX_ERROR_CHARS = 300;

    private final String ffprobe;
    private final Duration timeout;
    private final ObjectMapper json = new ObjectMapper();

    /** Uses {@code ffprobe} from the PATH and a 30 s deadline. */
    public FfprobeMetadataExtractor() {
        this("ffprobe", DEFAULT_TIMEOUT);
    }

    public FfprobeMetadataExtractor(String ffprobeExecutable, Duration timeout) {
        this.ffprobe = ffprobeExecutable;
        this.timeout = timeout;
    }

    @Override
    public ExtractedMetadata extract(Path file, String mediaType) throws MetadataException {
        byte[] output = probe(file);
        try {
            JsonNode root = json.readTree(output);
            return FfprobeMapper.map(root);
        } catch (IOException e) {
            throw new MetadataException("ffprobe output is not JSON: " + e.getMessage(), e);
        }
    }

    private byte[] probe(Path file) throws MetadataException {
        Path errors = null;
        Process process = null;
        try {
            errors = Files.createTempFile("vitrine-ffprobe-", ".err");
            process = new ProcessBuilder(command(file))
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .redirectError(errors.toFile())
                    .start();
            Process running = process;
            byte[] output = TimeLimit.run("metadata-ffprobe", timeout, () -> readCapped(running));
            int exit = running.waitFor();
            if (exit != 0) {
                // ffprobe prefixes errors with the input path: users see the file name, not our layout.
                String reason = errorText(errors, exit)
                        .replace(file.toAbsolutePath().toString(), String.valueOf(file.getFileName()));
                throw new MetadataException("ffprobe cannot read the file: " + reason);
            }
            return output;
        } catch (IOException e) {
            throw new MetadataException("cannot run ffprobe: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MetadataException("interrupted while running ffprobe", e);
        } finally {
            if (process != null && process.isAlive()) {
                process.destroyForcibly();
            }
            deleteQuietly(errors);
        }
    }

    private List<String> command(Path file) {
        return List.of(ffprobe, "-v", "error", "-protocol_whitelist", "file",
                "-print_format", "json", "-show_format", "-show_streams",
                file.toAbsolutePath().toString());
    }

    private static byte[] readCapped(Process process) throws IOException, MetadataException {
        try (InputStream out = process.getInputStream()) {
            byte[] bytes = out.readNBytes(MAX_OUTPUT_BYTES + 1);
            if (bytes.length > MAX_OUTPUT_BYTES) {
                throw new MetadataException("ffprobe output larger than " + MAX_OUTPUT_BYTES + " bytes");
            }
            return bytes;
        }
    }

    private static String errorText(Path errors, int exit) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(errors)) {
            head = in.readNBytes(64 * 1024);
        }
        String text = new String(head, StandardCharsets.UTF_8).strip();
        String last = text.lines().reduce((a, b) -> b).orElse("");
        last = last.length() > MAX_ERROR_CHARS ? last.substring(0, MAX_ERROR_CHARS) : last;
        return last.isEmpty() ? "exit status " + exit : last;
    }

    private static void deleteQuietly(Path file) {
        try {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // A leftover temp file is harmless.
        }
    }
}
