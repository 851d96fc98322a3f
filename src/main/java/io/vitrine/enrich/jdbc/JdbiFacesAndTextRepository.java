package io.vitrine.enrich.jdbc;

import static io.vitrine.db.jdbi.Sql.instant;
import static io.vitrine.db.jdbi.Sql.ts;

import io.vitrine.db.jdbi.Handles;
import io.vitrine.enrich.FacesAndTextRepository;
import io.vitrine.enrich.Face;
import io.vitrine.enrich.ReadText;
import io.vitrine.enrich.Tag;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** {@link FacesAndTextRepository} in SQL that runs unchanged on H2 and PostgreSQL. */
public final class JdbiFacesAndTextRepository implements FacesAndTextRepository {
    private final Handles db;

    public JdbiFacesAndTextRepository(Handles db) {
        this.db = db;
    }

    @Override
    public void replaceFaces(String assetId, List<Face> faces) {
        db.inTransaction(() -> db.with(h -> {
            h.createUpdate("delete from asset_faces where asset_id = :a and status = 'DRAFT'").bind("a", assetId).execute();
            int next = h.createQuery("select coalesce(max(face_no), 0) from asset_faces where asset_id = :a")
                    .bind("a", assetId).mapTo(Integer.class).one();
            for (Face f : faces) {
                insert(h, assetId, ++next, f);
            }
            return null;
        }));
    }

    private static void insert(Handle h, String assetId, int number, Face f) {
        h.createUpdate("""
                insert into asset_faces (asset_id, face_no, box_x, box_y, box_w, box_h, landmarks, confidence, status,
                    model, model_version, created_at, decided_at)
                values (:a, :n, :x, :y, :w, :h, :lm, :c, :s, :m, :v, :at, null)""")
                .bind("a", assetId).bind("n", number).bind("x", f.box().x()).bind("y", f.box().y())
                .bind("w", f.box().width()).bind("h", f.box().height()).bind("lm", landmarks(f.landmarks()))
                .bind("c", f.confidence()).bind("s", f.status().name()).bind("m", f.model()).bind("v", f.modelVersion())
                .bind("at", ts(f.createdAt())).execute();
    }

    @Override
    public List<Face> faces(String assetId) {
        return db.with(h -> h.createQuery("select * from asset_faces where asset_id = :a order by face_no")
                .bind("a", assetId).map((rs, ctx) -> face(rs)).list());
    }

    @Override
    public Optional<Face> decideFace(String assetId, int number, Tag.Status status, Instant at) {
        return db.inTransaction(() -> db.with(h -> {
            int n = h.createUpdate("update asset_faces set status = :s, decided_at = :at where asset_id = :a and face_no = :n")
                    .bind("s", status.name()).bind("at", status == Tag.Status.DRAFT ? null : ts(at))
                    .bind("a", assetId).bind("n", number).execute();
            return n == 0 ? Optional.<Face>empty()
                    : h.createQuery("select * from asset_faces where asset_id = :a and face_no = :n")
                            .bind("a", assetId).bind("n", number).map((rs, ctx) -> face(rs)).findOne();
        }));
    }

    @Override
    public void replaceText(String assetId, String source, Optional<ReadText> text) {
        db.inTransaction(() -> db.with(h -> {
            h.createUpdate("delete from asset_text where asset_id = :a and source = :s").bind("a", assetId).bind("s", source).execute();
            text.ifPresent(t -> h.createUpdate("""
                    insert into asset_text (asset_id, source, language, content, confidence, status, model, model_version, created_at)
                    values (:a, :s, :l, :c, :conf, :st, :m, :v, :at)""")
                    .bind("a", assetId).bind("s", source).bind("l", t.language()).bind("c", t.content())
                    .bind("conf", t.confidence()).bind("st", t.status().name()).bind("m", t.model())
                    .bind("v", t.modelVersion()).bind("at", ts(t.createdAt())).execute());
            return null;
        }));
    }

    @Override
    public List<ReadText> texts(String assetId) {
        return db.with(h -> h.createQuery("select * from asset_text where asset_id = :a order by source").bind("a", assetId)
                .map((rs, ctx) -> new ReadText(rs.getString("source"), rs.getString("language"), rs.getString("content"),
                        rs.getDouble("confidence"), Tag.Status.valueOf(rs.getString("status")), rs.getString("model"),
                        rs.getString("model_version"), instant(rs, "created_at")))
                .list());
    }

    private static Face face(ResultSet rs) throws SQLException {
        return new Face(rs.getInt("face_no"),
                new Face.Box(rs.getDouble("box_x"), rs.getDouble("box_y"), rs.getDouble("box_w"), rs.getDouble("box_h")),
                landmarks(rs.getString("landmarks")), rs.getDouble("confidence"), Tag.Status.valueOf(rs.getString("status")),
                rs.getString("model"), rs.getString("model_version"), instant(rs, "created_at"), instant(rs, "decided_at"));
    }

    /** "x y;x y;…": five points fit in a short column without a JSON round trip. */
    static String landmarks(List<Face.Point> points) {
        StringBuilder out = new StringBuilder();
        for (Face.Point p : points) {
            out.append(out.isEmpty() ? "" : ";").append(String.format(java.util.Locale.ROOT, "%.5f %.5f", p.x(), p.y()));
        }
        return out.toString();
    }

    static List<Face.Point> landmarks(String text) {
        List<Face.Point> out = new ArrayList<>();
        if (text != null && !text.isBlank()) {
            for (String p : text.split(";")) {
                String[] xy = p.split(" ");
                out.add(new Face.Point(Double.parseDouble(xy[0]), Double.parseDouble(xy[1])));
            }
        }
        return out;
    }
}
