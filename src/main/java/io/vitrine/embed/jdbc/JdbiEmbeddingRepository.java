package io.vitrine.embed.jdbc;

import io.vitrine.db.jdbi.Handles;
import io.vitrine.db.jdbi.Sql;
import io.vitrine.embed.EmbeddingRepository;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.util.Base64;
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
                    .bind("a", assetId).bind("s", space).bind("d", vector.length).bind("data", encode(vector))
                    .bind("h", inputsHash).bind("t", Sql.ts(Instant.now())).execute();
        }));
    }

    @Override
    public Map<String, float[]> vectors(String assetId) {
        Map<String, float[]> out = new LinkedHashMap<>();
        db.with(h -> h.createQuery("select space, data from asset_vectors where asset_id = :a order by space").bind("a", assetId)
                .map((rs, ctx) -> Map.entry(rs.getString("space"), decode(rs.getString("data")))).list())
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

    static String encode(float[] v) {
        ByteBuffer b = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float f : v) {
            b.putFloat(f);
        }
        return Base64.getEncoder().encodeToString(b.array());
    }

    static float[] decode(String s) {
        ByteBuffer b = ByteBuffer.wrap(Base64.getDecoder().decode(s)).order(ByteOrder.LITTLE_ENDIAN);
        float[] v = new float[b.remaining() / 4];
        for (int i = 0; i < v.length; i++) {
            v[i] = b.getFloat();
        }
        return v;
    }
}
