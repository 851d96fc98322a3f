package io.vitrine.duplicate;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes the JPEG/PNG renditions that fingerprints are computed from. Large inputs are read with
 * source subsampling (every n-th pixel), so hashing a 6000 px file costs what a 1000 px one does:
 * the hashes only look at 32x32 and 9x8 grids anyway.
 */
public final class Pictures {
    static final int MAX_SIDE = 1024;

    private Pictures() {}

    public static BufferedImage read(Path file) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            var readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new IOException("not a readable image: " + file.getFileName());
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int side = Math.max(reader.getWidth(0), reader.getHeight(0));
                var param = reader.getDefaultReadParam();
                int step = Math.max(1, side / MAX_SIDE);
                param.setSourceSubsampling(step, step, 0, 0);
                return reader.read(0, param);
            } finally {
                reader.dispose();
            }
        }
    }
}
