package io.vitrine.rendition.ffmpeg;

import io.vitrine.rendition.RenderedFile;
import io.vitrine.rendition.Renderer;
import io.vitrine.rendition.RenditionException;
import io.vitrine.rendition.process.ProcessRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Audio renditions: {@code waveform@v1}, a 1024×256 PNG of the whole signal (mono mix, transparent
 * background), and {@code thumb} made from it by the still renderer.
 */
public final class FfmpegAudioRenderer implements Renderer {
    static final String WAVEFORM_KEY = "waveform@v1";
    static final int WIDTH = 1024;
    static final int HEIGHT = 256;
    private static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);

    private final Renderer stills;
    private final Ffmpeg ffmpeg;

    /** @param stills renders the thumb from the waveform, e.g. the {@code VipsImageRenderer} */
    public FfmpegAudioRenderer(Renderer stills) {
        this(stills, DEFAULT_TIMEOUT, 2);
    }

    /** @param timeout per ffmpeg run; @param threads ffmpeg threads per run */
    public FfmpegAudioRenderer(Renderer stills, Duration timeout, int threads) {
        this.stills = stills;
        this.ffmpeg = new Ffmpeg(new ProcessRunner(timeout), threads);
    }

    @Override
    public boolean supports(String mediaType) {
        return mediaType.toLowerCase(Locale.ROOT).startsWith("audio/");
    }

    @Override
    public List<RenderedFile> render(Path source, String mediaType, Path outDir) throws RenditionException {
        if (!MediaProbe.of(ffmpeg, source, outDir).hasAudio()) {
            throw new RenditionException("file has no audio stream");
        }
        Path waveform = outDir.resolve("waveform.png");
        try {
            ffmpeg.run(List.of("-i", source.toAbsolutePath().toString(),
                    "-filter_complex", "[0:a:0]aformat=channel_layouts=mono,showwavespic=s=%dx%d:colors=0x2f6db5[wave]"
                            .formatted(WIDTH, HEIGHT),
                    "-map", "[wave]", "-frames:v", "1", "-c:v", "png", "-f", "image2", "-update", "1",
                    OutputFiles.part(waveform).toString()), outDir, "draw the waveform");
            OutputFiles.publish(waveform);
            RenderedFile thumb = thumbOf(waveform, outDir);
            return List.of(new RenderedFile("waveform", WAVEFORM_KEY, waveform, "image/png", WIDTH, HEIGHT), thumb);
        } catch (RenditionException | RuntimeException e) {
            OutputFiles.delete(waveform);
            throw e;
        }
    }

    /** The still renderer makes several sizes; render them aside and keep only the thumb. */
    private RenderedFile thumbOf(Path waveform, Path outDir) throws RenditionException {
        Path scratch = outDir.resolve("waveform-stills");
        try {
            List<RenderedFile> all = stills.render(waveform, "image/png", Files.createDirectories(scratch));
            RenderedFile thumb = all.stream().filter(f -> f.name().equals("thumb")).findFirst()
                    .orElseThrow(() -> new RenditionException("the still renderer made no thumb"));
            Path target = outDir.resolve(thumb.file().getFileName());
            Files.move(thumb.file(), target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return new RenderedFile(thumb.name(), thumb.recipe(), target, thumb.mediaType(), thumb.width(), thumb.height());
        } catch (IOException e) {
            throw new RenditionException("cannot write thumb: " + e.getMessage(), e);
        } finally {
            OutputFiles.delete(scratch);
        }
    }
}
