package io.vitrine.rendition;

import io.vitrine.storage.FileTrees;
import io.vitrine.asset.Asset;
import io.vitrine.asset.AssetRepository;
import io.vitrine.asset.AssetStatus;
import io.vitrine.asset.Rendition;
import io.vitrine.pipeline.StepFailedException;
import io.vitrine.pipeline.StepHandler;
import io.vitrine.storage.BlobStore;
import io.vitrine.storage.StagedBlob;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The make-renditions step: renders into a private work folder, stores each output as a blob, then
 * records it. Quarantined assets are never rendered. Blobs of replaced renditions that nothing else
 * uses are deleted.
 */
public final class RenditionStep implements StepHandler {
    private final AssetRepository assets;
    private final BlobStore blobs;
    private final Renderer renderer;
    private final Path workRoot;

    public RenditionStep(AssetRepository assets, BlobStore blobs, Renderer renderer, Path workRoot) {
        this.assets = assets;
        this.blobs = blobs;
        this.renderer = renderer;
        this.workRoot = workRoot;
    }

    @Override
    public void run(String assetId) throws Exception {
        Asset asset = assets.findLive(assetId).orElse(null);
        if (asset == null || asset.status() == AssetStatus.QUARANTINED
                || !renderer.supports(asset.mediaType())) {
            return;
        }
        Files.createDirectories(workRoot);
        Path work = Files.createTempDirectory(workRoot, "render-");
        try (BlobStore.LocalFile source = blobs.localFile(asset.sha256())) {
            List<RenderedFile> outputs = renderer.render(source.path(), asset.mediaType(), work);
            store(asset, outputs);
        } catch (RenditionException e) {
            throw new StepFailedException(e.getMessage(), e);
        } finally {
            FileTrees.delete(work);
        }
    }

    private void store(Asset asset, List<RenderedFile> outputs) throws IOException {
        List<Rendition> previous = asset.renditions();
        for (RenderedFile out : outputs) {
            try (InputStream in = Files.newInputStream(out.file()); StagedBlob blob = blobs.stage(in, Long.MAX_VALUE)) {
                blobs.commit(blob);
                assets.putRendition(asset.id(), new Rendition(out.name(), out.recipe(), blob.sha256(),
                        out.mediaType(), out.width(), out.height(), blob.bytes()));
            }
        }
        for (Rendition old : previous) {
            if (!assets.blobInUse(old.sha256())) {
                blobs.delete(old.sha256());
            }
        }
    }

}
