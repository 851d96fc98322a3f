package io.vitrine.duplicate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vitrine.asset.Asset;
import io.vitrine.asset.AssetRepository;
import io.vitrine.asset.EffectiveMetadata;
import io.vitrine.asset.Rendition;
import io.vitrine.pipeline.JobQueue;
import io.vitrine.pipeline.Step;
import io.vitrine.pipeline.StepHandler;
import io.vitrine.storage.BlobStore;
import java.awt.image.BufferedImage;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Near-duplicates: the {@code FindDuplicates} step fingerprints an asset's preview and classifies the
 * candidates that two indexed lookups return (pHash bands in the database, nearest image embeddings
 * in the search index) — never all pairs. The library scan queues the step for every live asset, as
 * durable jobs, so it survives a restart and also covers assets ingested before this feature.
 */
public final class DuplicateService {
    static final int BAND_CANDIDATES = 200;
    static final int NEIGHBOURS = 20;

    /** The asset's image embedding (space and L2-normalised vector), if the tagger gave it one. */
    @FunctionalInterface
    public interface ImageVectors {
        Optional<Map.Entry<String, float[]>> of(String assetId);
    }

    /** Ids of the live assets nearest to {@code vector} in {@code space} with cosine at least {@code min}, any region. */
    @FunctionalInterface
    public interface NearestImages {
        List<String> near(String space, float[] vector, int k, float min);
    }

    private final AssetRepository assets;
    private final BlobStore blobs;
    private final DuplicateRepository repo;
    private final ImageVectors vectors;
    private final NearestImages nearest;
    private final JobQueue jobs;
    private final ObjectMapper json;
    private final Clock clock;
    private final DuplicateClassifier classifier = new DuplicateClassifier();

    public DuplicateService(AssetRepository assets, BlobStore blobs, DuplicateRepository repo, ImageVectors vectors,
            NearestImages nearest, JobQueue jobs, ObjectMapper json, Clock clock) {
        this.assets = assets;
        this.blobs = blobs;
        this.repo = repo;
        this.vectors = vectors;
        this.nearest = nearest;
        this.jobs = jobs;
        this.json = json;
        this.clock = clock;
    }

    public StepHandler step() {
        return this::find;
    }

    /** Fingerprints the asset if its preview changed, then (re)classifies its candidates; returns the pairs found. */
    public int find(String assetId) throws Exception {
        Asset asset = assets.findLive(assetId).orElse(null);
        Rendition preview = asset == null ? null : preview(asset);
        if (preview == null) {
            return 0;
        }
        Fingerprint mine = fingerprint(asset, preview);
        Optional<Map.Entry<String, float[]>> myVector = vectors.of(assetId);
        List<DuplicatePair> existing = repo.pairsOf(assetId, null);
        Map<String, Fingerprint> candidates = candidates(mine, myVector, existing);
        Set<String> kept = new HashSet<>();
        for (Fingerprint other : candidates.values()) {
            Double cos = cosine(myVector, vectors.of(other.assetId()));
            Optional<DuplicateClassifier.Match> m = classifier.classify(mine, other, cos);
            if (m.isPresent()) {
                save(mine, other, m.get());
                kept.add(other.assetId());
            }
        }
        for (DuplicatePair p : existing) {
            if (!kept.contains(p.other(assetId))) {
                repo.dropOpenPair(p.a(), p.b());
            }
        }
        return kept.size();
    }

    /** Near pHashes (any quarter turn) or the same bytes, the nearest image embeddings, and the known pairs (judged again). */
    private Map<String, Fingerprint> candidates(Fingerprint mine, Optional<Map.Entry<String, float[]>> myVector,
            List<DuplicatePair> existing) {
        String id = mine.assetId();
        Map<String, Fingerprint> candidates = new LinkedHashMap<>();
        List<Long> phashes = new ArrayList<>(List.of(mine.hashes().phash()));
        for (long t : mine.hashes().turned()) {
            phashes.add(t);
        }
        repo.near(phashes, mine.contentSha256(), id, BAND_CANDIDATES).forEach(f -> candidates.put(f.assetId(), f));
        List<String> more = new ArrayList<>();
        myVector.ifPresent(v -> more.addAll(nearest.near(v.getKey(), v.getValue(), NEIGHBOURS, (float) DuplicateClassifier.CROP_COSINE)));
        existing.forEach(p -> more.add(p.other(id)));
        repo.fingerprints(more.stream().filter(o -> !o.equals(id) && !candidates.containsKey(o)).distinct().toList())
                .forEach(f -> candidates.put(f.assetId(), f));
        return candidates;
    }

    private Fingerprint fingerprint(Asset asset, Rendition preview) throws Exception {
        String source = preview.sha256() + " " + ImageHashes.VERSION;
        if (repo.fingerprintSource(asset.id()).filter(source::equals).isPresent()) {
            List<Fingerprint> stored = repo.fingerprints(List.of(asset.id()));
            if (!stored.isEmpty()) {
                return stored.getFirst();
            }
        }
        BufferedImage image;
        try (BlobStore.LocalFile file = blobs.localFile(preview.sha256())) {
            image = Pictures.read(file.path());
        }
        EffectiveMetadata m = EffectiveMetadata.of(asset);
        Integer w = asset.width();
        Integer h = asset.height();
        if (w != null && h != null && (w > h) != (image.getWidth() > image.getHeight()) && w.intValue() != h.intValue()) {
            Integer swap = w; // the original is stored unturned (EXIF orientation); the preview shows it upright
            w = h;
            h = swap;
        }
        String camera = String.join(" ", java.util.stream.Stream.of(m.cameraMake(), m.cameraModel())
                .filter(s -> s != null && !s.isBlank()).map(String::strip).toList());
        Fingerprint f = new Fingerprint(asset.id(), asset.sha256(), ImageHashes.of(image), w == null ? image.getWidth() : w,
                h == null ? image.getHeight() : h, m.capturedAt(), camera.isEmpty() ? null : camera);
        repo.putFingerprint(f, source, clock.instant().truncatedTo(ChronoUnit.MICROS));
        return f;
    }

    private void save(Fingerprint mine, Fingerprint other, DuplicateClassifier.Match m) throws JsonProcessingException {
        boolean first = mine.assetId().compareTo(other.assetId()) < 0;
        Evidence e = first ? m.evidence() : DuplicateClassifier.evidenceOf(other, mine, m.evidence().cosine());
        repo.savePair(first ? mine.assetId() : other.assetId(), first ? other.assetId() : mine.assetId(), m.verdict(),
                json.writeValueAsString(e), clock.instant().truncatedTo(ChronoUnit.MICROS));
    }

    private static Double cosine(Optional<Map.Entry<String, float[]>> a, Optional<Map.Entry<String, float[]>> b) {
        if (a.isEmpty() || b.isEmpty() || !a.get().getKey().equals(b.get().getKey())
                || a.get().getValue().length != b.get().getValue().length) {
            return null;
        }
        double dot = 0;
        for (int i = 0; i < a.get().getValue().length; i++) {
            dot += a.get().getValue()[i] * b.get().getValue()[i];
        }
        return dot;
    }

    private static Rendition preview(Asset asset) {
        return asset.renditions().stream().filter(r -> r.name().equals("preview") && r.mediaType().equals("image/jpeg"))
                .findFirst().orElse(null);
    }

    /** The pairs of one asset whose other asset the caller may see. */
    public List<DuplicatePair> of(String assetId, Set<String> visibleRegions) {
        return repo.pairsOf(assetId, visibleRegions);
    }

    public DuplicateRepository.Page review(Verdict verdict, DuplicatePair.Status status, Set<String> visibleRegions, int limit,
            String cursor) {
        return repo.review(verdict, status, visibleRegions, limit, cursor);
    }

    public Optional<DuplicatePair> pair(String x, String y) {
        return x.compareTo(y) < 0 ? repo.pair(x, y) : repo.pair(y, x);
    }

    /** Records a person's decision; the pair must exist (see {@link #pair}). */
    public DuplicatePair decide(DuplicatePair pair, DuplicatePair.Status status, String by) {
        repo.decide(pair.a(), pair.b(), status, by, clock.instant().truncatedTo(ChronoUnit.MICROS));
        return repo.pair(pair.a(), pair.b()).orElseThrow();
    }

    /** Queues {@code FindDuplicates} for every live asset; returns how many. */
    public long scan() {
        long queued = 0;
        String after = null;
        while (true) {
            List<String> ids = repo.liveAssetIds(after, 500);
            if (ids.isEmpty()) {
                return queued;
            }
            for (String id : ids) {
                jobs.enqueue(id, new Step.FindDuplicates(), clock.instant());
            }
            queued += ids.size();
            after = ids.getLast();
        }
    }
}
