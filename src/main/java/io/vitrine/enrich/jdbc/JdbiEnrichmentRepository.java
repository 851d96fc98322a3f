package io.vitrine.enrich.jdbc;

import static io.vitrine.db.jdbi.Sql.instant;
import static io.vitrine.db.jdbi.Sql.ts;

import io.vitrine.db.jdbi.Handles;
import io.vitrine.enrich.EnrichmentRepository;
import io.vitrine.enrich.Tag;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@link EnrichmentRepository} in SQL that runs unchanged on H2 and PostgreSQL. */
public final class JdbiEnrichmentRepository implements EnrichmentRepository {
    private final Handles db;

    public JdbiEnrichmentRepository(Handles db) {
        this.db = db;
    }

    @Override
    public Optional<Marker> marker(String assetId, String kind) {
        return db.with(h -> h.createQuery("select source_sha256, model, model_version from asset_enrichment where asset_id = :a and kind = :k")
                .bind("a", assetId).bind("k", kind)
                .map((rs, ctx) -> new Marker(rs.getString(1), rs.getString(2), rs.getString(3))).findOne());
    }

    @Override
    public void record(String assetId, String kind, Marker m, String valueJson, String error, Instant at) {
        db.inTransaction(() -> db.with(h -> {
            h.createUpdate("delete from asset_enrichment where asset_id = :a and kind = :k").bind("a", assetId).bind("k", kind).execute();
            return h.createUpdate("""
                    insert into asset_enrichment (asset_id, kind, source_sha256, model, model_version, value_json, error, updated_at)
                    values (:a, :k, :src, :model, :version, :value, :error, :at)""")
                    .bind("a", assetId).bind("k", kind).bind("src", m.sourceSha256()).bind("model", m.model())
                    .bind("version", m.modelVersion()).bind("value", valueJson)
                    .bind("error", error == null ? null : error.substring(0, Math.min(4000, error.length())))
                    .bind("at", ts(at)).execute();
        }));
    }

    @Override
    public void replaceDrafts(String assetId, String model, List<Tag> tags) {
        db.inTransaction(() -> db.with(h -> {
            Set<String> decided = h.createQuery("select concept from asset_tags where asset_id = :a and status <> 'DRAFT'")
                    .bind("a", assetId).mapTo(String.class).set();
            h.createUpdate("delete from asset_tags where asset_id = :a and model = :m and status = 'DRAFT'")
                    .bind("a", assetId).bind("m", model).execute();
            for (Tag t : tags) {
                if (decided.contains(t.concept())) {
                    // two models (classifier, CLIP) may propose one concept: the more confident keeps it
                    h.createUpdate("""
                            update asset_tags set confidence = :c, model = :m, model_version = :v
                            where asset_id = :a and concept = :k and source <> 'human' and (model = :m or confidence < :c)""")
                            .bind("c", t.confidence()).bind("m", t.model()).bind("v", t.modelVersion())
                            .bind("a", assetId).bind("k", t.concept()).execute();
                } else if (h.createUpdate("""
                            update asset_tags set confidence = :c, model = :m, model_version = :v, created_at = :at
                            where asset_id = :a and concept = :k and confidence < :c""")
                        .bind("c", t.confidence()).bind("m", t.model()).bind("v", t.modelVersion()).bind("at", ts(t.createdAt()))
                        .bind("a", assetId).bind("k", t.concept()).execute() == 0
                        && h.createQuery("select count(*) from asset_tags where asset_id = :a and concept = :k")
                                .bind("a", assetId).bind("k", t.concept()).mapTo(Integer.class).one() == 0) {
                    insert(h, assetId, t);
                }
            }
            return null;
        }));
    }

    @Override
    public void addHuman(String assetId, Tag tag) {
        db.inTransaction(() -> db.with(h -> {
            int updated = h.createUpdate("update asset_tags set status = 'ACCEPTED', decided_at = :at where asset_id = :a and concept = :k")
                    .bind("at", ts(tag.createdAt())).bind("a", assetId).bind("k", tag.concept()).execute();
            if (updated == 0) {
                insert(h, assetId, tag);
                h.createUpdate("update asset_tags set decided_at = :at where asset_id = :a and concept = :k")
                        .bind("at", ts(tag.createdAt())).bind("a", assetId).bind("k", tag.concept()).execute();
            }
            return null;
        }));
    }

    @Override
    public boolean removeHuman(String assetId, String concept) {
        return db.with(h -> h.createUpdate("delete from asset_tags where asset_id = :a and concept = :k and source = 'human'")
                .bind("a", assetId).bind("k", concept).execute()) > 0;
    }

    private static void insert(org.jdbi.v3.core.Handle h, String assetId, Tag t) {
        h.createUpdate("""
                insert into asset_tags (asset_id, concept, confidence, status, source, model, model_version, created_at, decided_at)
                values (:a, :k, :c, :s, :src, :m, :v, :at, null)""")
                .bind("a", assetId).bind("k", t.concept()).bind("c", t.confidence()).bind("s", t.status().name())
                .bind("src", t.source()).bind("m", t.model()).bind("v", t.modelVersion()).bind("at", ts(t.createdAt()))
                .execute();
    }

    @Override
    public List<Drafts> withDrafts(int limit) {
        return db.with(h -> h.createQuery("""
                select t.asset_id, count(*) as n, max(t.created_at) as latest
                from asset_tags t join assets a on a.id = t.asset_id
                where t.status = 'DRAFT' and a.deleted_at is null
                group by t.asset_id order by latest desc, t.asset_id limit :n""")
                .bind("n", limit).map((rs, ctx) -> new Drafts(rs.getString("asset_id"), rs.getInt("n"))).list());
    }

    @Override
    public List<String> draftsBetween(String concept, double lo, double hi) {
        return db.with(h -> h.createQuery("""
                select distinct t.asset_id from asset_tags t join assets a on a.id = t.asset_id
                where t.concept = :c and t.status = 'DRAFT' and t.confidence >= :lo and t.confidence < :hi and a.deleted_at is null
                order by t.asset_id""")
                .bind("c", concept).bind("lo", lo).bind("hi", hi).mapTo(String.class).list());
    }

    @Override
    public List<Tag> tags(String assetId) {
        return db.with(h -> h.createQuery("select * from asset_tags where asset_id = :a order by confidence desc, concept")
                .bind("a", assetId)
                .map((rs, ctx) -> new Tag(rs.getString("concept"), rs.getDouble("confidence"),
                        Tag.Status.valueOf(rs.getString("status")), rs.getString("source"), rs.getString("model"),
                        rs.getString("model_version"), instant(rs, "created_at"), instant(rs, "decided_at")))
                .list());
    }

    @Override
    public boolean decide(String assetId, String concept, Tag.Status status, Instant at) {
        return db.with(h -> h.createUpdate("update asset_tags set status = :s, decided_at = :at where asset_id = :a and concept = :k")
                .bind("s", status.name()).bind("at", status == Tag.Status.DRAFT ? null : ts(at))
                .bind("a", assetId).bind("k", concept).execute()) > 0;
    }

    @Override
    public Results results(String assetId) {
        Map<String, String> values = new HashMap<>();
        Map<String, String> errors = new HashMap<>();
        db.with(h -> h.createQuery("select kind, value_json, error from asset_enrichment where asset_id = :a").bind("a", assetId)
                .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}).list())
                .forEach(r -> {
                    if (r[2] != null) {
                        errors.put(r[0], r[2]);
                    } else if (r[1] != null) {
                        values.put(r[0], r[1]);
                    }
                });
        return new Results(values, errors);
    }
}
