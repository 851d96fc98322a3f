package io.vitrine.duplicate.jdbc;

import io.vitrine.db.jdbi.Handles;
import io.vitrine.db.jdbi.Sql;
import io.vitrine.duplicate.DuplicatePair;
import io.vitrine.duplicate.DuplicateRepository;
import io.vitrine.duplicate.Fingerprint;
import io.vitrine.duplicate.ImageHashes;
import io.vitrine.duplicate.Verdict;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Fingerprints with indexed pHash bands, and pairs, on H2 and PostgreSQL. */
public final class JdbiDuplicateRepository implements DuplicateRepository {
    static final int NEAR_BITS = 7;
    private final Handles db;

    public JdbiDuplicateRepository(Handles db) {
        this.db = db;
    }

    @Override
    public Optional<String> fingerprintSource(String assetId) {
        return db.with(h -> h.createQuery("select source_sha256, version from asset_fingerprints where asset_id = :a")
                .bind("a", assetId).map((rs, ctx) -> rs.getString(1) + " " + rs.getString(2)).findOne());
    }

    @Override
    public void putFingerprint(Fingerprint f, String source, Instant at) {
        String[] s = source.split(" ", 2);
        int[] bands = Fingerprint.bands(f.hashes().phash());
        long[] t = f.hashes().turned();
        db.inTransaction(() -> db.with(h -> {
            h.createUpdate("delete from asset_fingerprints where asset_id = :a").bind("a", f.assetId()).execute();
            return h.createUpdate("""
                    insert into asset_fingerprints (asset_id, source_sha256, version, content_sha256, dhash, phash, phash90,
                        phash180, phash270, colour, band0, band1, band2, band3, width, height, captured_at, camera, computed_at)
                    values (:a, :src, :v, :sha, :dh, :ph, :p90, :p180, :p270, :colour, :b0, :b1, :b2, :b3, :w, :h, :t, :cam, :at)""")
                    .bind("a", f.assetId()).bind("src", s[0]).bind("v", s[1]).bind("sha", f.contentSha256())
                    .bind("dh", f.hashes().dhash()).bind("ph", f.hashes().phash()).bind("p90", t[0]).bind("p180", t[1])
                    .bind("p270", t[2]).bind("colour", HexFormat.of().formatHex(f.hashes().colour()))
                    .bind("b0", bands[0]).bind("b1", bands[1]).bind("b2", bands[2]).bind("b3", bands[3])
                    .bind("w", f.width()).bind("h", f.height()).bind("t", Sql.ts(f.capturedAt()))
                    .bind("cam", f.camera() == null ? null : abbreviate(f.camera())).bind("at", Sql.ts(at)).execute();
        }));
    }

    @Override
    public List<Fingerprint> fingerprints(Collection<String> assetIds) {
        if (assetIds.isEmpty()) {
            return List.of();
        }
        List<String> ids = List.copyOf(assetIds);
        StringBuilder in = new StringBuilder();
        for (int i = 0; i < ids.size(); i++) {
            in.append(i == 0 ? ":i0" : ", :i" + i);
        }
        return db.with(h -> {
            var q = h.createQuery("select * from asset_fingerprints where asset_id in (" + in + ")");
            for (int i = 0; i < ids.size(); i++) {
                q.bind("i" + i, ids.get(i));
            }
            return q.map((rs, ctx) -> fingerprint(rs)).list();
        });
    }

    @Override
    public List<Fingerprint> near(Collection<Long> phashes, String contentSha256, String exceptId, int limit) {
        StringBuilder where = new StringBuilder("content_sha256 = :sha");
        for (int band = 0; band < 4; band++) {
            StringBuilder values = new StringBuilder();
            for (long p : phashes) {
                for (int probe : probes(Fingerprint.bands(p)[band])) {
                    values.append(values.isEmpty() ? "" : ",").append(probe);
                }
            }
            where.append(" or band").append(band).append(" in (").append(values).append(')');
        }
        List<Fingerprint> rows = db.with(h -> h.createQuery("select * from asset_fingerprints where asset_id <> :except and ("
                + where + ") limit :n").bind("except", exceptId).bind("sha", contentSha256).bind("n", limit)
                .map((rs, ctx) -> fingerprint(rs)).list());
        return rows.stream().filter(f -> f.contentSha256().equals(contentSha256)
                || phashes.stream().anyMatch(p -> ImageHashes.hamming(p, f.hashes().phash()) <= NEAR_BITS)).toList();
    }

    /** A 16-bit band value and its 16 one-bit neighbours (multi-index hashing with probe radius 1). */
    static int[] probes(int band) {
        int[] out = new int[17];
        out[0] = band;
        for (int bit = 0; bit < 16; bit++) {
            out[bit + 1] = band ^ (1 << bit);
        }
        return out;
    }

    @Override
    public void savePair(String a, String b, Verdict verdict, String evidence, Instant at) {
        db.inTransaction(() -> db.with(h -> {
            Optional<String> status = h.createQuery("select status from duplicate_pairs where asset_a = :a and asset_b = :b")
                    .bind("a", a).bind("b", b).mapTo(String.class).findOne();
            if (status.isEmpty()) {
                return h.createUpdate("""
                        insert into duplicate_pairs (asset_a, asset_b, verdict, evidence, status, found_at)
                        values (:a, :b, :v, :e, 'open', :t)""")
                        .bind("a", a).bind("b", b).bind("v", verdict.apiName()).bind("e", evidence).bind("t", Sql.ts(at)).execute();
            }
            return h.createUpdate("update duplicate_pairs set verdict = :v, evidence = :e where asset_a = :a and asset_b = :b"
                    + " and status = 'open'").bind("a", a).bind("b", b).bind("v", verdict.apiName()).bind("e", evidence).execute();
        }));
    }

    @Override
    public void dropOpenPair(String a, String b) {
        db.with(h -> h.createUpdate("delete from duplicate_pairs where asset_a = :a and asset_b = :b and status = 'open'")
                .bind("a", a).bind("b", b).execute());
    }

    @Override
    public List<DuplicatePair> pairsOf(String assetId, Set<String> visibleRegions) {
        List<String> regions = visibleRegions == null ? null : List.copyOf(visibleRegions);
        return db.with(h -> {
            var q = h.createQuery("select p.* from duplicate_pairs p" + Visibility.join(regions)
                    + " and (p.asset_a = :id or p.asset_b = :id) order by p.found_at, p.asset_a, p.asset_b");
            Visibility.bind(q, regions);
            return q.bind("id", assetId).map((rs, ctx) -> pair(rs)).list();
        });
    }

    @Override
    public Page review(Verdict verdict, DuplicatePair.Status status, Set<String> visibleRegions, int limit, String cursor) {
        List<String> regions = visibleRegions == null ? null : List.copyOf(visibleRegions);
        String[] after = cursor == null ? null : decode(cursor);
        List<DuplicatePair> found = db.with(h -> {
            var q = h.createQuery("select p.* from duplicate_pairs p" + Visibility.join(regions)
                    + (verdict == null ? "" : " and p.verdict = :verdict") + (status == null ? "" : " and p.status = :status")
                    + (after == null ? "" : " and (p.asset_a > :ca or (p.asset_a = :ca and p.asset_b > :cb))")
                    + " order by p.asset_a, p.asset_b limit :n");
            Visibility.bind(q, regions);
            if (verdict != null) {
                q.bind("verdict", verdict.apiName());
            }
            if (status != null) {
                q.bind("status", status.apiName());
            }
            if (after != null) {
                q.bind("ca", after[0]).bind("cb", after[1]);
            }
            return q.bind("n", limit + 1).map((rs, ctx) -> pair(rs)).list();
        });
        List<DuplicatePair> items = found.subList(0, Math.min(limit, found.size()));
        String next = found.size() > limit ? encode(items.getLast()) : null;
        return new Page(List.copyOf(items), next);
    }

    @Override
    public Optional<DuplicatePair> pair(String a, String b) {
        return db.with(h -> h.createQuery("select * from duplicate_pairs where asset_a = :a and asset_b = :b")
                .bind("a", a).bind("b", b).map((rs, ctx) -> pair(rs)).findOne());
    }

    @Override
    public void decide(String a, String b, DuplicatePair.Status status, String by, Instant at) {
        db.with(h -> h.createUpdate("update duplicate_pairs set status = :s, decided_by = :by, decided_at = :t"
                + " where asset_a = :a and asset_b = :b").bind("s", status.apiName()).bind("by", status == DuplicatePair.Status.OPEN ? null : by)
                .bind("t", status == DuplicatePair.Status.OPEN ? null : Sql.ts(at)).bind("a", a).bind("b", b).execute());
    }

    @Override
    public List<String> liveAssetIds(String afterId, int limit) {
        return db.with(h -> h.createQuery("select id from assets where deleted_at is null and id > :after order by id limit :n")
                .bind("after", afterId == null ? "" : afterId).bind("n", limit).mapTo(String.class).list());
    }

    private static Fingerprint fingerprint(ResultSet rs) throws SQLException {
        ImageHashes hashes = new ImageHashes(rs.getLong("dhash"), rs.getLong("phash"),
                new long[] {rs.getLong("phash90"), rs.getLong("phash180"), rs.getLong("phash270")},
                HexFormat.of().parseHex(rs.getString("colour")));
        return new Fingerprint(rs.getString("asset_id"), rs.getString("content_sha256"), hashes, Sql.integer(rs, "width"),
                Sql.integer(rs, "height"), Sql.instant(rs, "captured_at"), rs.getString("camera"));
    }

    private static DuplicatePair pair(ResultSet rs) throws SQLException {
        return new DuplicatePair(rs.getString("asset_a"), rs.getString("asset_b"), Verdict.parse(rs.getString("verdict")),
                rs.getString("evidence"), DuplicatePair.Status.parse(rs.getString("status")), rs.getString("decided_by"),
                Sql.instant(rs, "decided_at"), Sql.instant(rs, "found_at"));
    }

    private static String encode(DuplicatePair last) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((last.a() + ":" + last.b()).getBytes(StandardCharsets.UTF_8));
    }

    /** A cursor that is not one of ours is a bad request, never a 500. */
    private static String[] decode(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":", -1);
            if (parts.length == 2) {
                return parts;
            }
        } catch (IllegalArgumentException ignored) {
            // falls through
        }
        throw new IllegalArgumentException("invalid cursor");
    }

    private static String abbreviate(String s) {
        return s.length() > 256 ? s.substring(0, 256) : s;
    }
}
