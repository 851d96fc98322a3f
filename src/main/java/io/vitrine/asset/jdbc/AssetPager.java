package io.vitrine.asset.jdbc;

import io.vitrine.asset.Asset;
import io.vitrine.asset.Page;
import io.vitrine.asset.Rendition;
import io.vitrine.db.jdbi.Handles;
import io.vitrine.db.jdbi.Sql;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** Keyset pagination over live assets, newest first; the cursor encodes the last (created_at, id). */
final class AssetPager {
    private static final long MIN_SECONDS = Instant.parse("0001-01-01T00:00:00Z").getEpochSecond();
    private static final long MAX_SECONDS = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();

    private final Handles db;
    private final AssetRowMapper rows;

    AssetPager(Handles db, AssetRowMapper rows) {
        this.db = db;
        this.rows = rows;
    }

    Page<Asset> page(int limit, String cursor, Set<String> visibleRegions, Set<String> visibleCollections,
            Function<String, List<Rendition>> renditions) {
        Key after = cursor == null ? null : decode(cursor);
        List<String> regions = visibleRegions == null ? null : List.copyOf(visibleRegions);
        List<String> collections = visibleCollections == null ? null : List.copyOf(visibleCollections);
        List<Asset> found = db.with(h -> {
            var q = h.createQuery("select * from assets where deleted_at is null"
                    + (after == null ? "" : " and (created_at < :t or (created_at = :t and id < :id))")
                    + visibility(regions) + inCollections(collections)
                    + " order by created_at desc, id desc limit :n");
            if (after != null) {
                q.bind("t", Sql.ts(after.createdAt())).bind("id", after.id());
            }
            for (int i = 0; regions != null && i < regions.size(); i++) {
                q.bind("r" + i, "%," + regions.get(i) + ",%");
            }
            for (int i = 0; collections != null && i < collections.size(); i++) {
                q.bind("c" + i, collections.get(i));
            }
            return q.bind("n", limit + 1).map(rows).list();
        });
        List<Asset> items = new ArrayList<>();
        for (Asset a : found.subList(0, Math.min(limit, found.size()))) {
            items.add(a.withRenditions(renditions.apply(a.id())));
        }
        String next = found.size() > limit ? encode(items.getLast()) : null;
        return new Page<>(items, next);
    }

    /** Regions are stored as "DE,FR"; wrapping in commas makes each code match only as a whole. */
    private static String visibility(List<String> regions) {
        if (regions == null) {
            return "";
        }
        StringBuilder sql = new StringBuilder(" and (regions = ''");
        for (int i = 0; i < regions.size(); i++) {
            sql.append(" or concat(',', regions, ',') like :r").append(i);
        }
        return sql.append(')').toString();
    }

    /** The collection rule: the asset is in one of the caller's collections (none = nothing). */
    private static String inCollections(List<String> collections) {
        if (collections == null) {
            return "";
        }
        if (collections.isEmpty()) {
            return " and 1 = 0";
        }
        StringBuilder in = new StringBuilder();
        for (int i = 0; i < collections.size(); i++) {
            in.append(i == 0 ? ":c" : ", :c").append(i);
        }
        return " and exists (select 1 from collection_assets ca where ca.asset_id = assets.id and ca.collection_id in (" + in + "))";
    }

    private static String encode(Asset last) {
        Instant t = last.createdAt();
        String raw = t.getEpochSecond() + "." + t.getNano() + "." + last.id();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    private static Key decode(String cursor) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String[] parts = raw.split("\\.", 3);
            long seconds = Long.parseLong(parts[0]);
            long nanos = Long.parseLong(parts[1]);
            // Only what encode() writes is valid: a creation time in years 1-9999 and nanos of a second;
            // anything else was tampered with, and each database would treat it differently.
            if (seconds < MIN_SECONDS || seconds > MAX_SECONDS || nanos < 0 || nanos > 999_999_999) {
                throw new IllegalArgumentException("time out of range");
            }
            Instant t = Instant.ofEpochSecond(seconds, nanos);
            if (parts[2].isEmpty() || parts[2].length() > 32) {
                throw new IllegalArgumentException("bad id");
            }
            return new Key(t, parts[2]);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("invalid cursor", e);
        }
    }

    private record Key(Instant createdAt, String id) {}
}
