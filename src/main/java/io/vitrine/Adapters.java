package io.vitrine;

import io.vitrine.config.VitrineConfig;
import io.vitrine.ingest.ContentInspector;
import io.vitrine.ingest.ContentTypeDetector;
import io.vitrine.ingest.SvgInspector;
import io.vitrine.ingest.tika.TikaContentTypeDetector;
import io.vitrine.metadata.CompositeMetadataExtractor;
import io.vitrine.metadata.MetadataExtractor;
import io.vitrine.metadata.drew.ImageMetadataExtractor;
import io.vitrine.metadata.ffprobe.FfprobeMetadataExtractor;
import io.vitrine.metadata.tika.DocumentMetadataExtractor;
import io.vitrine.rendition.CompositeRenderer;
import io.vitrine.rendition.Renderer;
import io.vitrine.rendition.ffmpeg.FfmpegAudioRenderer;
import io.vitrine.rendition.ffmpeg.FfmpegVideoRenderer;
import io.vitrine.rendition.vips.Vips;
import io.vitrine.rendition.vips.VipsImageRenderer;
import io.vitrine.search.AssetIndex;
import io.vitrine.search.lucene.LuceneAssetIndex;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.tika.config.TikaConfig;

/**
 * Builds the technology adapters behind each port from the configuration. This is where a second
 * adapter (PostgreSQL is chosen by URL; S3, OpenSearch later) is picked.
 */
final class Adapters {
    private final VitrineConfig config;
    private final LuceneAssetIndex index;
    private final TikaConfig tika;

    Adapters(VitrineConfig config) {
        this.config = config;
        this.index = openIndex(config.dataDir().resolve("index"), config.search().threads());
        this.tika = tikaConfig();
    }

    private static TikaConfig tikaConfig() {
        try (var in = Adapters.class.getResourceAsStream("/tika-config.xml")) {
            return new TikaConfig(in);
        } catch (Exception e) {
            throw new IllegalStateException("cannot load the bundled tika-config.xml: " + e.getMessage(), e);
        }
    }

    static LuceneAssetIndex openIndex(java.nio.file.Path dir, int searchThreads) {
        return new LuceneAssetIndex(dir, LuceneAssetIndex.DEFAULT_REFRESH, LuceneAssetIndex.DEFAULT_COMMIT,
                LuceneAssetIndex.DEFAULT_QUERY_TIMEOUT, searchThreads);
    }

    AssetIndex index() {
        return index;
    }

    boolean indexWasReset() {
        return index.wasReset();
    }

    ContentTypeDetector contentTypes() {
        return new TikaContentTypeDetector(tika);
    }

    List<ContentInspector> inspectors() {
        SvgInspector svg = new SvgInspector();
        ContentInspector svgCheck = (file, mediaType) -> {
            if (!"image/svg+xml".equals(mediaType)) {
                return Optional.empty();
            }
            SvgInspector.Verdict v = svg.inspect(file);
            return v.safe() ? Optional.empty() : Optional.of("unsafe SVG: " + String.join("; ", v.reasons()));
        };
        return List.of(svgCheck);
    }

    MetadataExtractor metadata() {
        return new CompositeMetadataExtractor(new ImageMetadataExtractor(), new FfprobeMetadataExtractor(),
                new DocumentMetadataExtractor(tika));
    }

    Renderer renderer() {
        Vips vips = Vips.load();
        Renderer stills = new VipsImageRenderer(vips, config.limits().maxPixels());
        return new CompositeRenderer(List.of(stills, new FfmpegVideoRenderer(stills, Duration.ofMinutes(30), 2, config.limits().maxPixels()), new FfmpegAudioRenderer(stills)));
    }
}
