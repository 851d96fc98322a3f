package io.vitrine.enrich.local;

import io.vitrine.enrich.ModelException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The files of a model folder a user installs from: regular files only, sorted; a link (which could point anywhere) is refused. */
final class LocalFolder {
    static final int MAX_FILES = 1000;

    private LocalFolder() {}

    static List<Path> files(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            List<Path> all = walk.filter(p -> !p.equals(folder)).sorted().toList();
            for (Path p : all) {
                if (Files.isSymbolicLink(p)) {
                    throw new ModelException(folder.relativize(p) + " is a symbolic link; copy the real file into the model folder");
                }
            }
            List<Path> files = all.stream().filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .filter(p -> !p.getFileName().toString().equals("manifest.json")).toList();
            if (files.isEmpty() || files.size() > MAX_FILES) {
                throw new ModelException(folder + " holds " + files.size() + " files; a model folder holds 1.." + MAX_FILES);
            }
            return files;
        }
    }
}
