package io.vitrine.rendition.vips;

import io.vitrine.rendition.RenderedFile;
import io.vitrine.rendition.RenditionException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Encodes a decoded image per recipe: sRGB 8-bit, alpha flattened on white where the format has no alpha,
 * all metadata stripped (EXIF with GPS, XMP, IPTC, ICC: the pixels are already sRGB). Writes to a {@code .part}
 * file and renames it into place, so a reported file is always complete.
 */
final class RenditionWriter {
    private static final double[] WHITE = {255, 255, 255};
    private final Vips vips;

    RenditionWriter(Vips vips) {
        this.vips = vips;
    }

    RenderedFile write(VipsImage image, Recipe recipe, Path outDir) throws RenditionException {
        Path target = outDir.resolve(recipe.fileName());
        Path part = outDir.resolve(recipe.fileName() + ".part");
        try (VipsImage srgb = vips.colourspace(image, Vips.INTERPRETATION_SRGB);
             VipsImage ready = flattenIfNeeded(srgb, recipe)) {
            vips.save(recipe.encoding().saver, ready, part, saveOptions(recipe));
            if (recipe.encoding() == Recipe.Encoding.WEBP) {
                Files.write(part, WebpMetadata.strip(Files.readAllBytes(part)));
            }
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return new RenderedFile(recipe.name(), recipe.key(), target, recipe.encoding().mediaType,
                    ready.width(), ready.height());
        } catch (VipsException e) {
            throw new RenditionException("cannot encode " + recipe.name() + ": " + Reasons.of(e), e);
        } catch (IOException e) {
            throw new RenditionException("cannot write " + recipe.name() + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(part);
        }
    }

    private static List<VipsOption> saveOptions(Recipe recipe) {
        // In libvips 8.14 "strip" is the switch that drops EXIF (with GPS), XMP, IPTC and ICC.
        if (recipe.encoding() == Recipe.Encoding.PNG) {
            return List.of(VipsOption.of("strip", true));
        }
        return List.of(VipsOption.of("Q", recipe.quality()), VipsOption.of("strip", true));
    }

    private VipsImage flattenIfNeeded(VipsImage srgb, Recipe recipe) throws VipsException {
        if (recipe.encoding() == Recipe.Encoding.JPEG && srgb.hasAlpha()) {
            return vips.flatten(srgb, WHITE);
        }
        return vips.ref(srgb);
    }

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // Best effort: the caller owns and deletes outDir anyway.
        }
    }
}
