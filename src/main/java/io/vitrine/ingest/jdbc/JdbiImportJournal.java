package io.vitrine.ingest.jdbc;

import io.vitrine.db.jdbi.Handles;
import io.vitrine.ingest.ImportJournal;
import java.util.Optional;

/** The journal in {@code import_journal}, keyed by a hash of root and path (paths can be long). */
public final class JdbiImportJournal implements ImportJournal {
    private final Handles db;

    public JdbiImportJournal(Handles db) {
        this.db = db;
    }

    @Override
    public Optional<Entry> find(String root, String path) {
        return db.with(h -> h.createQuery("select * from import_journal where entry_key = :k").bind("k", key(root, path))
                .map((rs, ctx) -> new Entry(rs.getString("root"), rs.getString("path"), rs.getLong("bytes"),
                        rs.getLong("modified_at"), rs.getString("outcome"), rs.getString("asset_id"), rs.getString("reason")))
                .findOne());
    }

    @Override
    public void record(Entry e) {
        db.inTransaction(() -> db.with(h -> {
            h.createUpdate("delete from import_journal where entry_key = :k").bind("k", key(e.root(), e.path())).execute();
            return h.createUpdate("""
                    insert into import_journal (entry_key, root, path, bytes, modified_at, outcome, asset_id, reason)
                    values (:k, :root, :path, :bytes, :mod, :outcome, :asset, :reason)""")
                    .bind("k", key(e.root(), e.path())).bind("root", e.root()).bind("path", e.path())
                    .bind("bytes", e.bytes()).bind("mod", e.modifiedAt()).bind("outcome", e.outcome())
                    .bind("asset", e.assetId()).bind("reason", e.reason() == null || e.reason().length() < 4000 ? e.reason() : e.reason().substring(0, 3990))
                    .execute();
        }));
    }

    private static String key(String root, String path) {
        return io.vitrine.common.Hashes.sha256Hex(root + "\0" + path);
    }
}
