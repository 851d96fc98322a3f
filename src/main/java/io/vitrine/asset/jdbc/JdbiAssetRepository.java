package io.vitrine.asset.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vitrine.asset.Asset;
import io.vitrine.asset.AssetRepository;
import io.vitrine.asset.AssetStatus;
import io.vitrine.asset.AssetVersion;
import io.vitrine.asset.Page;
import io.vitrine.asset.Rendition;
import io.vitrine.asset.UserMetadata;
import io.vitrine.db.jdbi.Handles;
import io.vitrine.metadata.ExtractedMetadata;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import static io.vitrine.db.jdbi.Sql.ts;

/** {@link AssetRepository} in SQL that runs unchanged on H2 and PostgreSQL. */
public final class JdbiAssetRepository implements AssetRepository {
    private static final String LIVE = " deleted_at is null ";

    private final Handles db;
    private final ObjectMapper json;
    private final AssetRowMapper rows;

    public JdbiAssetRepository(Handles db, ObjectMapper json) {
        this.db = db;
        this.json = json;
        this.rows = new AssetRowMapper(json);
    }

    @Override
    public void insert(Asset a) {
        db.with(h -> h.createUpdate("""
                insert into assets (id, filename, media_type, claimed_type, type_mismatch, bytes, sha256, status,
                    status_reason, width, height, extracted, content_text, user_metadata, version, created_at, updated_at)
                values (:id, :filename, :mediaType, :claimedType, :mismatch, :bytes, :sha256, :status,
                    :reason, :width, :height, :extracted, :text, :user, :version, :created, :updated)""")
                .bind("id", a.id()).bind("filename", a.filename()).bind("mediaType", a.mediaType())
                .bind("claimedType", a.claimedType()).bind("mismatch", a.typeMismatch()).bind("bytes", a.bytes())
                .bind("sha256", a.sha256()).bind("status", a.status().name()).bind("reason", a.statusReason())
                .bind("width", a.width()).bind("height", a.height())
                .bind("extracted", a.extracted() == null ? null : write(withoutText(a.extracted())))
                .bind("text", a.extracted() == null ? null : a.extracted().text())
                .bind("user", write(a.userMetadata())).bind("version", a.version())
                .bind("created", ts(a.createdAt())).bind("updated", ts(a.updatedAt()))
                .execute());
    }

    @Override
    public void insertVersion(AssetVersion v) {
        db.with(h -> h.createUpdate("""
                insert into asset_versions (asset_id, version, sha256, bytes, media_type, filename, created_at)
                values (:asset, :version, :sha, :bytes, :type, :filename, :created)""")
                .bind("asset", v.assetId()).bind("version", v.version()).bind("sha", v.sha256())
                .bind("bytes", v.bytes()).bind("type", v.mediaType()).bind("filename", v.filename())
                .bind("created", ts(v.createdAt())).execute());
    }

    @Override
    public Optional<Asset> find(String id) {
        return db.with(h -> h.createQuery("select * from assets where id = :id").bind("id", id)
                .map(rows).findOne().map(a -> a.withRenditions(renditions(a.id()))));
    }

    @Override
    public Optional<Asset> findLiveBySha256(String sha256) {
        return db.with(h -> h.createQuery("select * from assets where sha256 = :sha and" + LIVE + "order by created_at, id")
                .bind("sha", sha256).map(rows).findFirst().map(a -> a.withRenditions(renditions(a.id()))));
    }

    @Override
    public Page<Asset> list(int limit, String cursor, java.util.Set<String> visibleRegions, java.util.Set<String> visibleCollections) {
        return new AssetPager(db, rows).page(limit, cursor, visibleRegions, visibleCollections, this::renditions);
    }

    @Override
    public void recordOwner(String id, String ownerId) {
        db.with(h -> h.createUpdate("update assets set owner_id = :o where id = :id").bind("o", ownerId).bind("id", id).execute());
    }

    @Override
    public void updateRegions(String id, java.util.Set<String> regions, Instant now) {
        db.with(h -> h.createUpdate("update assets set regions = :r, updated_at = :now where id = :id")
                .bind("r", String.join(",", new java.util.TreeSet<>(regions))).bind("now", ts(now)).bind("id", id).execute());
    }

    @Override
    public List<AssetVersion> versions(String assetId) {
        return db.with(h -> h.createQuery("select * from asset_versions where asset_id = :id order by version desc")
                .bind("id", assetId)
                .map((rs, ctx) -> new AssetVersion(rs.getString("asset_id"), rs.getInt("version"), rs.getString("sha256"),
                        rs.getLong("bytes"), rs.getString("media_type"), rs.getString("filename"),
                        io.vitrine.db.jdbi.Sql.instant(rs, "created_at")))
                .list());
    }

    @Override
    public void makeCurrent(AssetVersion v, String claimedType, boolean mismatch, AssetStatus status, String reason, Instant now) {
        db.with(h -> h.createUpdate("""
                update assets set filename = :filename, media_type = :type, claimed_type = :claimed,
                    type_mismatch = :mismatch, bytes = :bytes, sha256 = :sha, version = :version, status = :status,
                    status_reason = :reason, width = null, height = null, extracted = null, content_text = null,
                    updated_at = :now where id = :id""")
                .bind("filename", v.filename()).bind("type", v.mediaType()).bind("claimed", claimedType)
                .bind("mismatch", mismatch).bind("bytes", v.bytes()).bind("sha", v.sha256())
                .bind("version", v.version()).bind("status", status.name()).bind("reason", reason)
                .bind("now", ts(now)).bind("id", v.assetId()).execute());
        deleteRenditions(v.assetId());
    }

    @Override
    public void updateExtracted(String id, Integer width, Integer height, ExtractedMetadata m, Instant now) {
        db.with(h -> h.createUpdate("""
                update assets set width = :w, height = :h, extracted = :extracted, content_text = :text,
                    updated_at = :now where id = :id""")
                .bind("w", width).bind("h", height).bind("extracted", write(withoutText(m)))
                .bind("text", m.text()).bind("now", ts(now)).bind("id", id).execute());
    }

    @Override
    public void updateUserMetadata(String id, UserMetadata um, Instant now) {
        db.with(h -> h.createUpdate("update assets set user_metadata = :u, updated_at = :now where id = :id")
                .bind("u", write(um)).bind("now", ts(now)).bind("id", id).execute());
    }

    @Override
    public void updateStatus(String id, AssetStatus status, String reason, Instant now) {
        db.with(h -> h.createUpdate("update assets set status = :s, status_reason = :r, updated_at = :now where id = :id")
                .bind("s", status.name()).bind("r", reason).bind("now", ts(now)).bind("id", id).execute());
    }

    @Override
    public void putRendition(String assetId, Rendition r) {
        db.with(h -> {
            h.createUpdate("delete from renditions where asset_id = :a and name = :n")
                    .bind("a", assetId).bind("n", r.name()).execute();
            return h.createUpdate("""
                    insert into renditions (asset_id, name, recipe, sha256, media_type, width, height, bytes)
                    values (:a, :n, :recipe, :sha, :type, :w, :h, :bytes)""")
                    .bind("a", assetId).bind("n", r.name()).bind("recipe", r.recipe()).bind("sha", r.sha256())
                    .bind("type", r.mediaType()).bind("w", r.width()).bind("h", r.height()).bind("bytes", r.bytes())
                    .execute();
        });
    }

    @Override
    public List<Rendition> renditions(String assetId) {
        return db.with(h -> h.createQuery("select * from renditions where asset_id = :a order by name")
                .bind("a", assetId)
                .map((rs, ctx) -> new Rendition(rs.getString("name"), rs.getString("recipe"), rs.getString("sha256"),
                        rs.getString("media_type"), rs.getInt("width"), rs.getInt("height"), rs.getLong("bytes")))
                .list());
    }

    @Override
    public void deleteRenditions(String assetId) {
        db.with(h -> h.createUpdate("delete from renditions where asset_id = :a").bind("a", assetId).execute());
    }

    @Override
    public void markDeleted(String id, Instant now) {
        db.with(h -> h.createUpdate("update assets set deleted_at = :now, updated_at = :now where id = :id and" + LIVE)
                .bind("now", ts(now)).bind("id", id).execute());
    }

    @Override
    public void restore(String id, Instant now) {
        db.with(h -> h.createUpdate("update assets set deleted_at = null, updated_at = :now where id = :id and deleted_at is not null")
                .bind("now", ts(now)).bind("id", id).execute());
    }

    @Override
    public void purge(String id) {
        db.with(h -> {
            h.createUpdate("delete from renditions where asset_id = :id").bind("id", id).execute();
            h.createUpdate("delete from asset_versions where asset_id = :id").bind("id", id).execute();
            return h.createUpdate("delete from assets where id = :id").bind("id", id).execute();
        });
    }

    @Override
    public boolean blobInUse(String sha256) {
        return db.with(h -> h.createQuery("""
                select (select count(*) from assets where sha256 = :s)
                     + (select count(*) from asset_versions where sha256 = :s)
                     + (select count(*) from renditions where sha256 = :s)
                     + (select count(*) from licence_documents where sha256 = :s)""")
                .bind("s", sha256).mapTo(Long.class).one()) > 0;
    }

    @Override
    public void forEachLive(Consumer<Asset> consumer) {
        String cursor = null;
        do {
            Page<Asset> page = list(500, cursor);
            page.items().forEach(consumer);
            cursor = page.nextCursor();
        } while (cursor != null);
    }

    @Override
    public long countLive() {
        return db.with(h -> h.createQuery("select count(*) from assets where" + LIVE).mapTo(Long.class).one());
    }

    private static ExtractedMetadata withoutText(ExtractedMetadata m) {
        return new ExtractedMetadata(m.width(), m.height(), m.orientation(), m.normalized(), m.technical(), m.raw(), null);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot store " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }
}
