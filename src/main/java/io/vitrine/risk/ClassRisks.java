package io.vitrine.risk;

import io.vitrine.enrich.ClassScore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The classifier classes that honestly indicate a risk, as data ({@code risk/imagenet-1k-risks.tsv};
 * its README says what the classes cannot see). A flag's confidence is the sum of its classes'
 * probabilities, and its evidence names each class with its probability.
 */
final class ClassRisks {
    /** Below this a class is background noise, not a sighting; no draft is proposed. */
    static final double PROPOSE = 0.10;
    static final String RESOURCE = "/risk/imagenet-1k-risks.tsv";

    record Entry(int index, String name, String flag) {}

    /** A flag the classes raise: summed probability and the classes that made it up. */
    record Sighting(String flag, double confidence, List<String> evidence) {}

    private final Map<Integer, Entry> byClass;
    private final String version;

    ClassRisks(Map<Integer, Entry> byClass, String version) {
        this.byClass = Map.copyOf(byClass);
        this.version = version;
    }

    static ClassRisks bundled() {
        try (InputStream in = ClassRisks.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the build");
            }
            byte[] bytes = in.readAllBytes();
            Map<Integer, Entry> map = new LinkedHashMap<>();
            var lines = new BufferedReader(new InputStreamReader(new java.io.ByteArrayInputStream(bytes), StandardCharsets.UTF_8)).lines().skip(1).toList();
            for (String line : lines) {
                String[] f = line.split("\t");
                if (f.length >= 4) {
                    map.put(Integer.parseInt(f[0].strip()), new Entry(Integer.parseInt(f[0].strip()), f[2].strip(), f[3].strip()));
                }
            }
            // the mapping's own digest is part of the step's version: editing the file re-runs the step
            return new ClassRisks(map, io.vitrine.common.Hashes.sha256Hex(new String(bytes, StandardCharsets.UTF_8)).substring(0, 12));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String version() {
        return version;
    }

    /** The flags among these classes whose summed probability reaches {@link #PROPOSE}. */
    List<Sighting> sightings(List<ClassScore> classes) {
        Map<String, Double> sum = new LinkedHashMap<>();
        Map<String, List<String>> evidence = new LinkedHashMap<>();
        for (ClassScore c : classes) {
            Entry e = byClass.get(c.index());
            if (e != null) {
                sum.merge(e.flag(), c.probability(), Double::sum);
                evidence.computeIfAbsent(e.flag(), k -> new ArrayList<>())
                        .add(String.format(Locale.ROOT, "class '%s' p=%.3f", e.name(), c.probability()));
            }
        }
        List<Sighting> out = new ArrayList<>();
        sum.forEach((flag, p) -> {
            if (p >= PROPOSE) {
                out.add(new Sighting(flag, Math.min(1.0, p), evidence.get(flag)));
            }
        });
        return out;
    }
}
