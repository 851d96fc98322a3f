package io.vitrine.rights.jdbc;

import io.vitrine.db.jdbi.Handles;
import io.vitrine.db.jdbi.Sql;
import io.vitrine.rights.Channel;
import io.vitrine.rights.Licence;
import io.vitrine.rights.LicenceRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** {@link LicenceRepository} in SQL that runs unchanged on H2 and PostgreSQL; sets as sorted CSV. */
public final class JdbiLicenceRepository implements LicenceRepository {
    private final Handles db;

    public JdbiLicenceRepository(Handles db) {
        this.db = db;
    }

    @Override
    public void insert(Licence l) {
        db.with(h -> h.createUpdate("""
                insert into licences (id, kind, channels, regions, starts_at, ends_at, licensor, attribution, restrictions, created_at,
                    media, exclusive, covers)
                values (:id, :kind, :channels, :regions, :start, :end, :licensor, :attribution, :restrictions, :created,
                    :media, :exclusive, :covers)""")
                .bind("id", l.id()).bind("kind", l.kind().name())
                .bind("channels", csv(l.channels().stream().map(Channel::name).collect(Collectors.toSet())))
                .bind("regions", csv(l.regions())).bind("start", Sql.ts(l.start())).bind("end", Sql.ts(l.end()))
                .bind("licensor", l.licensor()).bind("attribution", l.attribution()).bind("restrictions", l.restrictions())
                .bind("created", Sql.ts(l.createdAt())).bind("media", csv(l.media())).bind("exclusive", l.exclusive())
                .bind("covers", l.covers().isEmpty() ? null : String.join("\n", l.covers())).execute());
    }

    @Override
    public void addDocument(io.vitrine.rights.LicenceDocument d) {
        db.with(h -> h.createUpdate("""
                insert into licence_documents (id, licence_id, filename, media_type, sha256, bytes, added_at)
                values (:id, :l, :f, :t, :s, :b, :at)""")
                .bind("id", d.id()).bind("l", d.licenceId()).bind("f", d.filename()).bind("t", d.mediaType()).bind("s", d.sha256())
                .bind("b", d.bytes()).bind("at", Sql.ts(d.addedAt())).execute());
    }

    @Override
    public List<io.vitrine.rights.LicenceDocument> documents(String licenceId) {
        return db.with(h -> h.createQuery("select * from licence_documents where licence_id = :l order by added_at, id")
                .bind("l", licenceId).map((rs, ctx) -> new io.vitrine.rights.LicenceDocument(rs.getString("id"), rs.getString("licence_id"),
                        rs.getString("filename"), rs.getString("media_type"), rs.getString("sha256"), rs.getLong("bytes"),
                        Sql.instant(rs, "added_at"))).list());
    }

    @Override
    public Optional<Licence> find(String id) {
        return db.with(h -> h.createQuery("select * from licences where id = :id").bind("id", id)
                .map((rs, ctx) -> map(rs)).findOne());
    }

    @Override
    public void attach(String assetId, String licenceId, Instant now) {
        db.run(() -> db.with(h -> {
            int present = h.createQuery("select count(*) from asset_licences where asset_id = :a and licence_id = :l")
                    .bind("a", assetId).bind("l", licenceId).mapTo(Integer.class).one();
            return present > 0 ? 0 : h.createUpdate("insert into asset_licences (asset_id, licence_id, attached_at) values (:a, :l, :t)")
                    .bind("a", assetId).bind("l", licenceId).bind("t", Sql.ts(now)).execute();
        }));
    }

    @Override
    public boolean detach(String assetId, String licenceId) {
        return db.with(h -> h.createUpdate("delete from asset_licences where asset_id = :a and licence_id = :l")
                .bind("a", assetId).bind("l", licenceId).execute()) > 0;
    }

    @Override
    public Optional<Instant> releaseAttachedAt(String assetId, Instant now) {
        return db.with(h -> h.createQuery("""
                select max(greatest(al.attached_at, coalesce(l.starts_at, al.attached_at))) as at
                from asset_licences al join licences l on l.id = al.licence_id
                where al.asset_id = :a and l.kind = :k and (l.starts_at is null or l.starts_at <= :now)
                and (l.ends_at is null or l.ends_at >= :now)""")
                .bind("a", assetId).bind("k", Licence.Kind.RELEASE.name()).bind("now", Sql.ts(now))
                .map((rs, ctx) -> Sql.instant(rs, "at")).findOne()
                .filter(java.util.Objects::nonNull));
    }

    @Override
    public List<Licence> forAsset(String assetId) {
        return db.with(h -> h.createQuery("""
                select l.* from licences l join asset_licences al on al.licence_id = l.id
                where al.asset_id = :a order by l.created_at, l.id""")
                .bind("a", assetId).map((rs, ctx) -> map(rs)).list());
    }

    @Override
    public List<Expired> fullyExpired(Instant now) {
        return db.with(h -> h.createQuery("""
                select al.asset_id, max(l.ends_at) as last_end
                from asset_licences al join licences l on l.id = al.licence_id join assets a on a.id = al.asset_id
                where a.deleted_at is null and a.status <> 'QUARANTINED'
                group by al.asset_id
                having count(*) = sum(case when l.ends_at is not null and l.ends_at < :now then 1 else 0 end)
                order by al.asset_id""")
                .bind("now", Sql.ts(now))
                .map((rs, ctx) -> new Expired(rs.getString("asset_id"), Sql.instant(rs, "last_end"))).list());
    }

    @Override
    public List<Ending> endingBetween(Instant from, Instant to) {
        return ending(from, to, "");
    }

    @Override
    public List<Ending> releasesEndingBetween(Instant from, Instant to) {
        return ending(from, to, " and l.kind = 'RELEASE'");
    }

    @Override
    public List<Starting> releasesStartingBetween(Instant from, Instant to) {
        return between("starts_at", from, to, " and l.kind = 'RELEASE'",
                (rs, ctx) -> new Starting(rs.getString("licence_id"), rs.getString("asset_id"), Sql.instant(rs, "at")));
    }

    private List<Ending> ending(Instant from, Instant to, String kind) {
        return between("ends_at", from, to, kind,
                (rs, ctx) -> new Ending(rs.getString("licence_id"), rs.getString("asset_id"), Sql.instant(rs, "at")));
    }

    /** Licence × live asset pairs whose licence's {@code column} (a date, never user input) falls in [from, to). */
    private <T> List<T> between(String column, Instant from, Instant to, String kind, org.jdbi.v3.core.mapper.RowMapper<T> row) {
        return db.with(h -> h.createQuery("""
                select al.licence_id, al.asset_id, l.%1$s as at
                from asset_licences al join licences l on l.id = al.licence_id join assets a on a.id = al.asset_id
                where a.deleted_at is null and a.status <> 'QUARANTINED' and l.%1$s >= :from and l.%1$s < :to""".formatted(column)
                + kind + " order by at, al.asset_id, al.licence_id")
                .bind("from", Sql.ts(from)).bind("to", Sql.ts(to))
                .map(row).list());
    }

    private static Licence map(ResultSet rs) throws SQLException {
        return new Licence(rs.getString("id"), Licence.Kind.valueOf(rs.getString("kind")),
                split(rs.getString("channels")).stream().map(Channel::valueOf).collect(Collectors.toSet()),
                split(rs.getString("regions")), Sql.instant(rs, "starts_at"), Sql.instant(rs, "ends_at"),
                rs.getString("licensor"), rs.getString("attribution"), rs.getString("restrictions"),
                Sql.instant(rs, "created_at"), split(rs.getString("media")), rs.getBoolean("exclusive"),
                rs.getString("covers") == null ? List.of() : List.of(rs.getString("covers").split("\n")));
    }

    private static String csv(Set<String> values) {
        return String.join(",", new TreeSet<>(values));
    }

    private static Set<String> split(String s) {
        return s == null || s.isBlank() ? Set.of() : Set.copyOf(Arrays.asList(s.split(",")));
    }
}
