package io.vitrine.collection;

import static org.assertj.core.api.Assertions.assertThat;

import io.vitrine.collection.jdbc.JdbiCollectionRepository;
import io.vitrine.db.Database;
import io.vitrine.rights.Channel;
import io.vitrine.rights.Use;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link CollectionRepository} does, run against each database. */
abstract class CollectionRepositoryContract {
    private static final Instant T = Instant.parse("2026-05-01T10:00:00Z");

    private Database db;
    private CollectionRepository repo;

    protected abstract Database freshDatabase();

    @BeforeEach
    void open() {
        db = freshDatabase();
        repo = new JdbiCollectionRepository(db.handles());
        for (String id : List.of("a1", "a2", "a3")) {
            db.handles().jdbi().useHandle(h -> h.createUpdate("""
                    insert into assets (id, filename, media_type, type_mismatch, bytes, sha256, status, version, created_at, updated_at)
                    values (:id, 'f.jpg', 'image/jpeg', false, 1, :sha, 'READY', 1, :t, :t)""")
                    .bind("id", id).bind("sha", "0".repeat(63) + id.charAt(1)).bind("t", OffsetDateTime.ofInstant(T, ZoneOffset.UTC)).execute());
        }
        db.handles().jdbi().useHandle(h -> h.createUpdate("""
                insert into users (id, name, roles, regions, created_at) values ('u1', 'Ben', 'consumer', 'FR', :t)""")
                .bind("t", OffsetDateTime.ofInstant(T, ZoneOffset.UTC)).execute());
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void keeps_assets_once_each_in_the_order_added_and_leaves_out_deleted_ones() {
        repo.insert(new Collection("c1", "Kit", null, "owner", T, T, 0));
        assertThat(repo.addAssets("c1", List.of("a2", "a1"), "owner", T)).containsExactly("a2", "a1");
        assertThat(repo.addAssets("c1", List.of("a1", "a3"), "owner", T.plusSeconds(1))).containsExactly("a3");
        assertThat(repo.assetIds("c1")).containsExactly("a1", "a2", "a3");
        db.handles().jdbi().useHandle(h -> h.execute("update assets set deleted_at = updated_at where id = 'a2'"));
        assertThat(repo.assetIds("c1")).containsExactly("a1", "a3");
        assertThat(repo.find("c1").orElseThrow().assetCount()).isEqualTo(2);
        assertThat(repo.collectionsWith("a3")).containsExactly("c1");
        assertThat(repo.removeAsset("c1", "a1")).isTrue();
        assertThat(repo.removeAsset("c1", "a1")).isFalse();
    }

    @Test
    void lists_what_someone_owns_or_is_a_member_of() {
        repo.insert(new Collection("c1", "Mine", null, "owner", T, T, 0));
        repo.insert(new Collection("c2", "Shared", null, "other", T.plusSeconds(1), T, 0));
        repo.insert(new Collection("c3", "Not mine", null, "other", T.plusSeconds(2), T, 0));
        repo.putMember("c2", new Member("u1", Member.Access.VIEW, T));
        repo.putMember("c2", new Member("u1", Member.Access.EDIT, T));
        assertThat(repo.listFor("u1", false)).extracting(Collection::id).containsExactly("c2");
        assertThat(repo.accessOf("c2", "u1")).contains(Member.Access.EDIT);
        assertThat(repo.listFor("owner", false)).extracting(Collection::id).containsExactly("c1");
        assertThat(repo.listFor("x", true)).extracting(Collection::id).containsExactly("c3", "c2", "c1");
        repo.delete("c2");
        assertThat(repo.accessOf("c2", "u1")).isEmpty();
    }

    @Test
    void share_links_are_found_by_token_hash_and_count_uses_and_wrong_passwords() {
        repo.insert(new Collection("c1", "Kit", null, "owner", T, T, 0));
        repo.insertLink(new ShareLink("l1", "c1", "f".repeat(64), new Use(Channel.WEB, "DE"), true, "pbkdf2$x", T.plusSeconds(60),
                "owner", T, null, 0, null, 0));
        ShareLink l = repo.linkByTokenHash("f".repeat(64)).orElseThrow();
        assertThat(l.use()).isEqualTo(new Use(Channel.WEB, "DE"));
        assertThat(l.download()).isTrue();
        repo.noteUse("l1", T.plusSeconds(5));
        repo.notePassword("l1", false);
        repo.notePassword("l1", false);
        l = repo.link("l1").orElseThrow();
        assertThat(l.uses()).isEqualTo(1);
        assertThat(l.lastUsedAt()).isEqualTo(T.plusSeconds(5));
        assertThat(l.failedPasswords()).isEqualTo(2);
        repo.notePassword("l1", true);
        repo.revokeLink("l1", T.plusSeconds(9));
        assertThat(repo.link("l1").orElseThrow().failedPasswords()).isZero();
        assertThat(repo.links("c1")).singleElement().satisfies(x -> assertThat(x.activeAt(T.plusSeconds(10))).isFalse());
    }
}
