package io.vitrine.concept.jdbc;

import static io.vitrine.db.jdbi.Sql.instant;
import static io.vitrine.db.jdbi.Sql.ts;

import io.vitrine.common.FloatVectors;
import io.vitrine.concept.ConceptRepository;
import io.vitrine.concept.Prototype;
import io.vitrine.db.jdbi.Handles;
import io.vitrine.enrich.Vocabulary;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * {@link ConceptRepository} in SQL that runs unchanged on H2 and PostgreSQL. Few-shot drafts live in
 * {@code asset_tags} beside every other tag (so review, thresholds and the index treat them alike);
 * this adapter writes only rows whose model is {@value ConceptRepository#FEW_SHOT}.
 */
public final class JdbiConceptRepository implements ConceptRepository {
    private static final String LABEL = "label";
    private static final String SYNONYM = "synonym";

    private final Handles db;

    public JdbiConceptRepository(Handles db) {
        this.db = db;
    }

    @Override
    public Vocabulary.Additions load() {
        return db.with(h -> {
            Map<String, String> broader = new LinkedHashMap<>();
            h.createQuery("select id, broader from concepts order by id").map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2)})
                    .forEach(r -> broader.put(r[0], r[1]));
            Map<String, Map<String, String>> labels = new LinkedHashMap<>();
            Map<String, Map<String, List<String>>> synonyms = new LinkedHashMap<>();
            h.createQuery("select concept, lang, kind, term from concept_terms order by concept, lang, kind, position")
                    .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)})
                    .forEach(r -> {
                        if (r[2].equals(LABEL)) {
                            labels.computeIfAbsent(r[0], k -> new LinkedHashMap<>()).put(r[1], r[3]);
                        } else {
                            synonyms.computeIfAbsent(r[0], k -> new LinkedHashMap<>()).computeIfAbsent(r[1], k -> new ArrayList<>()).add(r[3]);
                        }
                    });
            List<Vocabulary.Concept> concepts = new ArrayList<>();
            broader.forEach((id, b) -> concepts.add(new Vocabulary.Concept(id, b, labels.getOrDefault(id, Map.of()), Map.of(), false)));
            return new Vocabulary.Additions(concepts, synonyms);
        });
    }

    @Override
    public void create(Vocabulary.Concept c, String by, Instant at) {
        db.inTransaction(() -> db.with(h -> {
            h.createUpdate("insert into concepts (id, broader, created_by, created_at, updated_at) values (:id, :b, :by, :at, :at)")
                    .bind("id", c.id()).bind("b", c.broader()).bind("by", by).bind("at", ts(at)).execute();
            insertLabels(h, c.id(), c.labels());
            insertSynonyms(h, c.id(), c.synonyms());
            return null;
        }));
    }

    @Override
    public void update(String id, String broader, Map<String, String> labels, Instant at) {
        db.inTransaction(() -> db.with(h -> {
            h.createUpdate("update concepts set broader = :b, updated_at = :at where id = :id")
                    .bind("b", broader).bind("at", ts(at)).bind("id", id).execute();
            h.createUpdate("delete from concept_terms where concept = :id and kind = :k").bind("id", id).bind("k", LABEL).execute();
            insertLabels(h, id, labels);
            return null;
        }));
    }

    @Override
    public void replaceSynonyms(String concept, Map<String, List<String>> synonyms) {
        db.inTransaction(() -> db.with(h -> {
            h.createUpdate("delete from concept_terms where concept = :id and kind = :k").bind("id", concept).bind("k", SYNONYM).execute();
            insertSynonyms(h, concept, synonyms);
            return null;
        }));
    }

    private static void insertLabels(Handle h, String id, Map<String, String> labels) {
        labels.forEach((lang, label) -> insertTerm(h, id, lang, LABEL, label, 0));
    }

    private static void insertSynonyms(Handle h, String id, Map<String, List<String>> synonyms) {
        synonyms.forEach((lang, words) -> {
            for (int i = 0; i < words.size(); i++) {
                insertTerm(h, id, lang, SYNONYM, words.get(i), i);
            }
        });
    }

    private static void insertTerm(Handle h, String id, String lang, String kind, String term, int position) {
        h.createUpdate("insert into concept_terms (concept, lang, kind, term, position) values (:c, :l, :k, :t, :p)")
                .bind("c", id).bind("l", lang).bind("k", kind).bind("t", term).bind("p", position).execute();
    }

    @Override
    public boolean delete(String id) {
        return db.inTransaction(() -> db.with(h -> {
            h.createUpdate("delete from concept_terms where concept = :id").bind("id", id).execute();
            h.createUpdate("delete from concept_prototypes where concept = :id").bind("id", id).execute();
            return h.createUpdate("delete from concepts where id = :id").bind("id", id).execute() > 0;
        }));
    }

    @Override
    public long taggedAssets(String concept) {
        return db.with(h -> h.createQuery("select count(*) from asset_tags where concept = :c").bind("c", concept)
                .mapTo(Long.class).one());
    }

    @Override
    public List<String> assetsTaggedWith(Set<String> concepts, String after, int limit) {
        if (concepts.isEmpty()) {
            return List.of();
        }
        return db.with(h -> h.createQuery("""
                select distinct t.asset_id from asset_tags t join assets a on a.id = t.asset_id
                where t.concept in (<concepts>) and a.deleted_at is null and t.asset_id > :after
                order by t.asset_id limit :n""")
                .bindList("concepts", List.copyOf(concepts)).bind("after", after == null ? "" : after).bind("n", limit)
                .mapTo(String.class).list());
    }

    @Override
    public Optional<Prototype> prototype(String concept) {
        return db.with(h -> h.createQuery("select * from concept_prototypes where concept = :c").bind("c", concept)
                .map((rs, ctx) -> prototype(rs)).findOne());
    }

    @Override
    public java.util.Map<String, Prototype.Status> prototypeStatuses(Set<String> concepts) {
        if (concepts.isEmpty()) {
            return java.util.Map.of();
        }
        java.util.Map<String, Prototype.Status> out = new java.util.HashMap<>();
        db.with(h -> h.createQuery("select concept, status from concept_prototypes where concept in (<c>)")
                .bindList("c", List.copyOf(concepts))
                .map((rs, ctx) -> java.util.Map.entry(rs.getString("concept"), Prototype.Status.valueOf(rs.getString("status")))).list())
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    @Override
    public List<Prototype> prototypes(String space) {
        return db.with(h -> h.createQuery("select * from concept_prototypes where space = :s order by concept").bind("s", space)
                .map((rs, ctx) -> prototype(rs)).list());
    }

    @Override
    public Prototype teach(Prototype p) {
        return db.inTransaction(() -> db.with(h -> {
            // one update both numbers and locks the row, so concurrent teachings of a concept queue up and
            // each reads the version the previous one wrote (a delete + insert would let them both see none)
            if (nextVersion(h, p) == 0 && !insertFirst(h, p)) {
                // another first teaching inserted the row meanwhile: ours becomes the next version after it
                nextVersion(h, p);
            }
            return h.createQuery("select * from concept_prototypes where concept = :c").bind("c", p.concept())
                    .map((rs, ctx) -> prototype(rs)).one();
        }));
    }

    private static int nextVersion(Handle h, Prototype p) {
        return bindPrototype(h.createUpdate("""
                update concept_prototypes set version = version + 1, space = :s, dims = :d, vector = :vec, radius = :r,
                    positives = :pos, negatives = :neg, status = :st, tagged = 0, error = null, taught_by = :by,
                    taught_at = :at, applied_at = null
                where concept = :c"""), p).execute();
    }

    /** Inserts version 1; false when a concurrent first teaching holds the key. */
    private static boolean insertFirst(Handle h, Prototype p) {
        return io.vitrine.db.jdbi.Sql.insertUnlessTaken(h, "first_prototype", x -> bindPrototype(x.createUpdate("""
                insert into concept_prototypes (concept, version, space, dims, vector, radius, positives, negatives, status,
                    tagged, error, taught_by, taught_at, applied_at)
                values (:c, 1, :s, :d, :vec, :r, :pos, :neg, :st, 0, null, :by, :at, null)"""), p).execute());
    }

    private static org.jdbi.v3.core.statement.Update bindPrototype(org.jdbi.v3.core.statement.Update u, Prototype p) {
        return u.bind("c", p.concept()).bind("s", p.space()).bind("d", p.vector().length)
                .bind("vec", FloatVectors.encode(p.vector())).bind("r", p.radius()).bind("pos", String.join(",", p.positives()))
                .bind("neg", String.join(",", p.negatives())).bind("st", Prototype.Status.QUEUED.name())
                .bind("by", p.taughtBy()).bind("at", ts(p.taughtAt()));
    }

    @Override
    public void progress(String concept, int version, Prototype.Status status, int tagged, String error, Instant at) {
        db.with(h -> h.createUpdate("""
                update concept_prototypes set status = :s, tagged = :t, error = :e, applied_at = :at
                where concept = :c and version = :v""")
                .bind("s", status.name()).bind("t", tagged).bind("e", error == null ? null : error.substring(0, Math.min(4000, error.length())))
                .bind("at", status == Prototype.Status.DONE ? ts(at) : null).bind("c", concept).bind("v", version).execute());
    }

    @Override
    public Set<String> proposeFewShotDrafts(String concept, int version, Map<String, Double> confidences, Instant at) {
        if (confidences.isEmpty()) {
            return Set.of();
        }
        return db.inTransaction(() -> db.with(h -> {
            Map<String, Double> before = new LinkedHashMap<>();
            h.createQuery("""
                    select asset_id, confidence, model_version from asset_tags
                    where concept = :c and model = :m and status = 'DRAFT' and asset_id in (<assets>)""")
                    .bind("c", concept).bind("m", FEW_SHOT).bindList("assets", List.copyOf(confidences.keySet()))
                    .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(3).equals(String.valueOf(version)) ? rs.getDouble(2) : -1.0))
                    .forEach(e -> before.put(e.getKey(), e.getValue()));
            Set<String> changed = new java.util.TreeSet<>();
            // every proposal is written (its time marks it as this run's), but only a new value is a change
            confidences.forEach((asset, confidence) -> {
                if (upsert(h, asset, concept, version, confidence, at) && !confidence.equals(before.get(asset))) {
                    changed.add(asset);
                }
            });
            return changed;
        }));
    }

    @Override
    public Set<String> dropStaleFewShotDrafts(String concept, int version, Instant at, int limit) {
        return db.inTransaction(() -> db.with(h -> {
            List<String> stale = h.createQuery("""
                    select asset_id from asset_tags
                    where concept = :c and model = :m and status = 'DRAFT' and (model_version <> :v or created_at < :at)
                    order by asset_id limit :n""")
                    .bind("c", concept).bind("m", FEW_SHOT).bind("v", String.valueOf(version)).bind("at", ts(at)).bind("n", limit)
                    .mapTo(String.class).list();
            for (String asset : stale) {
                deleteDraft(h, asset, concept);
            }
            return new java.util.TreeSet<>(stale);
        }));
    }

    @Override
    public boolean proposeFewShot(String assetId, String concept, int version, double confidence, Instant at) {
        return db.inTransaction(() -> db.with(h -> upsert(h, assetId, concept, version, confidence, at)));
    }

    /** Inserts or refreshes a few-shot draft; a tag of the concept from anyone else stays as it is. */
    private static boolean upsert(Handle h, String asset, String concept, int version, double confidence, Instant at) {
        int updated = h.createUpdate("""
                update asset_tags set confidence = :conf, model_version = :v, created_at = :at
                where asset_id = :a and concept = :c and model = :m and status = 'DRAFT'""")
                .bind("conf", confidence).bind("v", String.valueOf(version)).bind("at", ts(at)).bind("a", asset).bind("c", concept)
                .bind("m", FEW_SHOT).execute();
        if (updated > 0) {
            return true;
        }
        boolean taken = h.createQuery("select count(*) from asset_tags where asset_id = :a and concept = :c")
                .bind("a", asset).bind("c", concept).mapTo(Integer.class).one() > 0;
        boolean live = h.createQuery("select count(*) from assets where id = :a and deleted_at is null")
                .bind("a", asset).mapTo(Integer.class).one() > 0;
        if (taken || !live) {
            return false;
        }
        h.createUpdate("""
                insert into asset_tags (asset_id, concept, confidence, status, source, model, model_version, created_at, decided_at)
                values (:a, :c, :conf, 'DRAFT', 'ai', :m, :v, :at, null)""")
                .bind("a", asset).bind("c", concept).bind("conf", confidence).bind("m", FEW_SHOT).bind("v", String.valueOf(version))
                .bind("at", ts(at)).execute();
        return true;
    }

    private static void deleteDraft(Handle h, String asset, String concept) {
        h.createUpdate("delete from asset_tags where asset_id = :a and concept = :c and model = :m and status = 'DRAFT'")
                .bind("a", asset).bind("c", concept).bind("m", FEW_SHOT).execute();
    }

    @Override
    public int fewShotTagged(String concept, int version) {
        return db.with(h -> h.createQuery("select count(*) from asset_tags where concept = :c and model = :m and model_version = :v")
                .bind("c", concept).bind("m", FEW_SHOT).bind("v", String.valueOf(version)).mapTo(Integer.class).one());
    }

    private static Prototype prototype(ResultSet rs) throws SQLException {
        return new Prototype(rs.getString("concept"), rs.getInt("version"), rs.getString("space"), FloatVectors.decode(rs.getString("vector")),
                rs.getDouble("radius"), split(rs.getString("positives")), split(rs.getString("negatives")),
                Prototype.Status.valueOf(rs.getString("status")), rs.getInt("tagged"), rs.getString("error"),
                rs.getString("taught_by"), instant(rs, "taught_at"), instant(rs, "applied_at"));
    }

    private static List<String> split(String s) {
        return s == null || s.isEmpty() ? List.of() : Arrays.asList(s.split(","));
    }
}
