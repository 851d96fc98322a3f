package io.vitrine.rendition.ffmpeg;

import io.vitrine.rendition.RenderedFile;
import io.vitrine.rendition.Renderer;
import io.vitrine.rendition.RenditionException;
import io.vitrine.rendition.process.ProcessRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Video renditions: a poster frame (10% into the video, or 1 s when the duration is unknown) turned into
 * {@code web}/{@code preview}/{@code thumb} by the still renderer, plus {@code proxy@v1}, a small
 * browser-friendly H.264/AAC MP4 (at most 640 px wide, even dimensions, yuv420p, moov atom first).
 */
public final class FfmpegVideoRenderer implements Renderer {
    static final String PROXY_KEY = "proxy@v1";
    private static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

    private final Renderer stills;
    private final Ffmpeg ffmpeg;
    private final long maxPixels;

    /** @param stills renders the poster frame, e.g. the {@code VipsImageRenderer} */
    public FfmpegVideoRenderer(Renderer stills) {
        this(stills, DEFAULT_TIMEOUT, 2, 100_000_000L);
    }

    /**
     * @param timeout per ffmpeg run; @param threads ffmpeg threads per run; @param maxPixels largest
     *     frame decoded (a header can claim any size, and every frame would be allocated at it)
     */
    public FfmpegVideoRenderer(Renderer stills, Duration timeout, int threads, long maxPixels) {
        this.stills = stills;
        this.ffmpeg = new Ffmpeg(new ProcessRunner(timeout), threads);
        this.maxPixels = maxPixels;
    }

    @Override
    public boolean supports(String mediaType) {
        return mediaType.toLowerCase(Locale.ROOT).startsWith("video/");
    }

    @Override
    public List<RenderedFile> render(Path source, String mediaType, Path outDir) throws RenditionException {
        MediaProbe probe = MediaProbe.of(ffmpeg, source, outDir);
        if (!probe.hasVideo()) {
            throw new RenditionException("file has no video stream");
        }
        if ((long) probe.width() * probe.height() > maxPixels) {
            throw new RenditionException(String.format(Locale.ROOT, "video frames are %d×%d pixels, over the limit of %,d pixels",
                    probe.width(), probe.height(), maxPixels));
        }
        List<RenderedFile> written = new ArrayList<>();
        Path poster = outDir.resolve("poster-frame.png");
        try {
            extractPoster(source, probe, poster, outDir);
            written.addAll(stills.render(poster, "image/png", outDir));
            written.add(proxy(source, outDir));
            return written;
        } catch (RenditionException | RuntimeException e) {
            OutputFiles.deleteAll(written);
            throw e;
        } finally {
            OutputFiles.delete(poster);
            OutputFiles.delete(OutputFiles.part(poster));
        }
    }

    private void extractPoster(Path source, MediaProbe probe, Path poster, Path outDir) throws RenditionException {
        double at = probe.durationSeconds().map(d -> d * 0.1).orElse(1.0);
        grabFrame(source, at, poster, outDir);
        if (!Files.exists(OutputFiles.part(poster))) {
            grabFrame(source, 0, poster, outDir); // the seek landed past the last frame
        }
        OutputFiles.publish(poster);
    }

    private void grabFrame(Path source, double seconds, Path poster, Path outDir) throws RenditionException {
        // -ss before -i seeks on keyframes (fast), then decodes to the exact time.
        ffmpeg.run(List.of("-ss", String.format(Locale.ROOT, "%.3f", seconds), "-i", source.toAbsolutePath().toString(),
                "-map", "0:v:0", "-frames:v", "1", "-an", "-c:v", "png", "-f", "image2", "-update", "1",
                OutputFiles.part(poster).toString()), outDir, "extract a poster frame");
    }

    private RenderedFile proxy(Path source, Path outDir) throws RenditionException {
        Path target = outDir.resolve("proxy.mp4");
        ffmpeg.run(List.of("-i", source.toAbsolutePath().toString(),
                "-map", "0:v:0", "-map", "0:a:0?", "-sn", "-dn",
                // Square pixels, width ≤ 640 and even (x264 with yuv420p needs even sizes), height follows.
                "-vf", "scale=w='min(640,trunc(iw*sar/2)*2)':h=-2,setsar=1,format=yuv420p",
                "-c:v", "libx264", "-preset", "veryfast", "-crf", "26", "-profile:v", "high",
                "-c:a", "aac", "-b:a", "96k", "-ac", "2",
                "-movflags", "+faststart", "-f", "mp4", OutputFiles.part(target).toString()), outDir, "encode the video proxy");
        OutputFiles.publish(target);
        MediaProbe encoded = MediaProbe.of(ffmpeg, target, outDir);
        return new RenderedFile("proxy", PROXY_KEY, target, "video/mp4", encoded.width(), encoded.height());
    }
}
