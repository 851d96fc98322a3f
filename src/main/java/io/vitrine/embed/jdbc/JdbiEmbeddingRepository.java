package io.vitrine.embed.jdbc;

import io.vitrine.common.FloatVectors;
import io.vitrine.db.jdbi.Handles;
import io.vitrine.db.jdbi.Sql;
import io.vitrine.embed.EmbeddingRepository;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Vectors as base64 of little-endian float32: one portable column type on H2 and PostgreSQL. */
public final class JdbiEmbeddingRepository implements EmbeddingRepository {
    private final Handles db;

    public JdbiEmbeddingRepository(Handles db) {
        this.db = db;
    }

    @Override
    public void put(String assetId, String space, float[] vector, String inputsHash) {
        db.inTransaction(() -> db.with(h -> {
            h.createUpdate("delete from asset_vectors where asset_id = :a and space = :s").bind("a", assetId).bind("s", space).execute();
            return h.createUpdate("""
                    insert into asset_vectors (asset_id, space, dims, data, inputs_hash, created_at)
                    values (:a, :s, :d, :data, :h, :t)""")
                    .bind("a", assetId).bind("s", space).bind("d", vector.length).bind("data", FloatVectors.encode(vector))
                    .bind("h", inputsHash).bind("t", Sql.ts(Instant.now())).execute();
        }));
    }

    @Override
    public Map<String, float[]> vectors(String assetId) {
        Map<String, float[]> out = new LinkedHashMap<>();
        db.with(h -> h.createQuery("select space, data from asset_vectors where asset_id = :a order by space").bind("a", assetId)
                .map((rs, ctx) -> Map.entry(rs.getString("space"), FloatVectors.decode(rs.getString("data")))).list())
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    @Override
    public Optional<String> inputsHash(String assetId, String space) {
        return db.with(h -> h.createQuery("select inputs_hash from asset_vectors where asset_id = :a and space = :s")
                .bind("a", assetId).bind("s", space).mapTo(String.class).findOne());
    }

    @Override
    public void delete(String assetId, String space) {
        db.with(h -> h.createUpdate("delete from asset_vectors where asset_id = :a and space = :s")
                .bind("a", assetId).bind("s", space).execute());
    }

    @Override
    public void markStale(String assetId, String kind, java.util.Set<String> keep, String inputsHash) {
        db.with(h -> h.createUpdate("""
                update asset_vectors set inputs_hash = :stale
                where asset_id = :a and space like :kind and space not in (<keep>) and inputs_hash <> :stale and inputs_hash <> :h""")
                .bind("a", assetId).bind("kind", kind.replace("%", "") + "%").bindList("keep", java.util.List.copyOf(keep))
                .bind("stale", STALE).bind("h", inputsHash).execute());
    }

    @Override
    public java.util.List<String> lacking(String kind, String space, int limit) {
        if (limit <= 0) {
            return java.util.List.of();
        }
        // the jobs table is the pipeline's: read here only so the backfill does not queue an asset twice
        return db.with(h -> h.createQuery("""
                select a.id from assets a where a.deleted_at is null
                  and exists (select 1 from asset_vectors v where v.asset_id = a.id and v.space like :kind and v.space <> :space)
                  and not exists (select 1 from asset_vectors w where w.asset_id = a.id and w.space = :space
                                  and w.inputs_hash <> :stale)
                  and not exists (select 1 from jobs j where j.asset_id = a.id and j.step = 'Embed'
                                  and j.state in ('queued', 'running'))
                limit :limit""")
                .bind("kind", kind.replace("%", "") + "%").bind("space", space).bind("stale", STALE).bind("limit", limit)
                .mapTo(String.class).list());
    }
}
