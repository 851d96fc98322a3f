package io.vitrine.asset.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vitrine.asset.Asset;
import io.vitrine.asset.AssetStatus;
import io.vitrine.asset.UserMetadata;
import io.vitrine.db.jdbi.Sql;
import io.vitrine.metadata.ExtractedMetadata;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** Maps an {@code assets} row to the domain record; JSON columns are decoded here and nowhere else. */
final class AssetRowMapper implements RowMapper<Asset> {
    private final ObjectMapper json;

    AssetRowMapper(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public Asset map(ResultSet rs, StatementContext ctx) throws SQLException {
        ExtractedMetadata extracted = readExtracted(rs.getString("extracted"), rs.getString("content_text"));
        return new Asset(
                rs.getString("id"),
                rs.getString("filename"),
                rs.getString("media_type"),
                rs.getString("claimed_type"),
                rs.getBoolean("type_mismatch"),
                rs.getLong("bytes"),
                rs.getString("sha256"),
                AssetStatus.valueOf(rs.getString("status")),
                rs.getString("status_reason"),
                Sql.integer(rs, "width"),
                Sql.integer(rs, "height"),
                extracted,
                read(rs.getString("user_metadata"), UserMetadata.class, UserMetadata.EMPTY),
                rs.getInt("version"),
                Sql.instant(rs, "created_at"),
                Sql.instant(rs, "updated_at"),
                Sql.instant(rs, "deleted_at"),
                List.of(),
                regions(rs.getString("regions")));
    }

    private static java.util.Set<String> regions(String csv) {
        return csv == null || csv.isBlank() ? java.util.Set.of() : java.util.Set.of(csv.split(","));
    }

    private ExtractedMetadata readExtracted(String stored, String text) {
        ExtractedMetadata m = read(stored, ExtractedMetadata.class, null);
        if (m == null) {
            return null;
        }
        return new ExtractedMetadata(m.width(), m.height(), m.orientation(), m.normalized(), m.technical(), m.raw(), text);
    }

    private <T> T read(String stored, Class<T> type, T fallback) {
        if (stored == null) {
            return fallback;
        }
        try {
            return json.readValue(stored, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored " + type.getSimpleName() + " is not readable JSON", e);
        }
    }
}
