package io.vitrine.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.vitrine.asset.AssetRepository;
import io.vitrine.asset.TestAssets;
import io.vitrine.asset.jdbc.JdbiAssetRepository;
import io.vitrine.auth.ApiToken;
import io.vitrine.auth.Group;
import io.vitrine.auth.GroupRepository;
import io.vitrine.auth.User;
import io.vitrine.auth.jdbc.JdbiGroupRepository;
import io.vitrine.auth.jdbc.JdbiUserRepository;
import io.vitrine.db.Database;
import io.vitrine.db.Json;
import io.vitrine.notification.jdbc.JdbiNotificationRepository;
import io.vitrine.rights.Channel;
import io.vitrine.rights.Licence;
import io.vitrine.rights.jdbc.JdbiLicenceRepository;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Notifications, the once-per-window ledger, owners and the librarian fallback, on H2 and PostgreSQL (V19). */
public abstract class NotificationRepositoryContract {
    static final Instant T0 = Instant.parse("2025-06-01T10:00:00.123456Z");

    protected Database db;
    NotificationRepository repo;
    AssetRepository assets;
    JdbiUserRepository users;
    GroupRepository groups;
    JdbiLicenceRepository licences;

    protected abstract Database freshDatabase();

    @BeforeEach
    void open() {
        db = freshDatabase();
        repo = new JdbiNotificationRepository(db.handles(), Json.mapper());
        assets = new JdbiAssetRepository(db.handles(), Json.mapper());
        users = new JdbiUserRepository(db.handles());
        groups = new JdbiGroupRepository(db.handles());
        licences = new JdbiLicenceRepository(db.handles());
    }

    @AfterEach
    void close() {
        db.close();
    }

    private String asset(int minute) {
        String id = TestAssets.newId(T0.plusSeconds(60L * minute));
        assets.insert(TestAssets.processing(id, TestAssets.sha(id), T0.plusSeconds(60L * minute)));
        return id;
    }

    private void user(String id, String... roles) {
        users.insert(new User(id, id, Set.of(roles), Set.of(), T0, null), new ApiToken("t-" + id, id, "h-" + id, Set.of(roles), Set.of(), T0,
                null, null));
    }

    private void licence(String id, Instant end) {
        licences.insert(new Licence(id, Licence.Kind.LICENCE, Set.of(Channel.WEB), Set.of(), null, end, null, null, null, T0));
    }

    @Test
    void an_expiry_warning_is_claimed_once_per_licence_asset_end_and_window() {
        String a = asset(1);
        Instant end = T0.plusSeconds(86400 * 5);
        licence("l1", end);
        assertThat(repo.expiryWarned("l1", a, end, 30)).isFalse();
        assertThat(repo.claimExpiryWarning("l1", a, end, 30, T0)).isTrue();
        assertThat(repo.claimExpiryWarning("l1", a, end, 30, T0.plusSeconds(60))).isFalse();
        assertThat(repo.expiryWarned("l1", a, end, 30)).isTrue();
        assertThat(repo.claimExpiryWarning("l1", a, end.plusSeconds(86400 * 30), 30, T0)).as("extended licence: a new window").isTrue();
        assertThat(repo.claimExpiryWarning("l1", a, end, 7, T0)).as("another rule's window").isTrue();
    }

    @Test
    void licences_ending_in_a_window_are_found_per_licence_and_asset() {
        String a = asset(1);
        String b = asset(2);
        licence("soon", T0.plusSeconds(86400 * 3));
        licence("late", T0.plusSeconds(86400 * 60));
        licence("over", T0.minusSeconds(86400));
        licences.attach(a, "soon", T0);
        licences.attach(b, "soon", T0);
        licences.attach(a, "late", T0);
        licences.attach(b, "over", T0);
        assertThat(licences.endingBetween(T0, T0.plusSeconds(86400 * 30)))
                .extracting(e -> e.licenceId() + "/" + e.assetId()).containsExactly("soon/" + a, "soon/" + b);
    }

    @Test
    void the_owner_or_else_every_librarian_by_role_or_group_is_the_recipient() {
        String owned = asset(1);
        String unowned = asset(2);
        assets.recordOwner(owned, "olga");
        assertThat(repo.ownerOf(owned)).contains("olga");
        assertThat(repo.ownerOf(unowned)).isEmpty();
        user("lib", "librarian");
        user("con", "consumer");
        user("grp", "consumer");
        user("gone", "librarian");
        users.revoke("gone", T0);
        groups.insert(new Group("g1", "Librarians", null, Set.of("librarian", "legal"), Set.of(), null, T0, T0));
        groups.addMember("g1", "grp", GroupRepository.Source.ADMIN, T0);
        assertThat(repo.librarians()).containsExactly("grp", "lib");
    }

    @Test
    void a_person_lists_and_marks_read_only_her_own_notifications() {
        String a = asset(1);
        for (int i = 0; i < 3; i++) {
            repo.insert(new Notification("n" + i, "olga", "licence.expiring", a, Map.of("licenceId", "l" + i), T0.plusSeconds(i), null));
        }
        repo.insert(new Notification("x", "ivan", "licence.expiring", a, Map.of(), T0, null));
        assertThat(repo.of("olga", false, null, 2)).extracting(Notification::id).containsExactly("n2", "n1");
        assertThat(repo.of("olga", false, "n1", 2)).extracting(Notification::id).containsExactly("n0");
        assertThat(repo.of("olga", false, "x", 5)).as("a cursor of another inbox starts over").hasSize(3);
        assertThat(repo.markRead("ivan", "n1", T0)).isFalse();
        assertThat(repo.markRead("olga", "n1", T0.plusSeconds(9))).isTrue();
        assertThat(repo.markRead("olga", "n1", T0.plusSeconds(99))).isTrue();
        assertThat(repo.find("n1").orElseThrow().readAt()).as("the first read time stays").isEqualTo(T0.plusSeconds(9));
        assertThat(repo.of("olga", true, null, 10)).extracting(Notification::id).containsExactly("n2", "n0");
        assertThat(repo.find("n0").orElseThrow().data()).containsEntry("licenceId", "l0");
    }

    @Test
    void marking_all_read_stops_at_the_newest_she_was_shown_and_leaves_other_inboxes_alone() {
        String a = asset(1);
        for (int i = 0; i < 3; i++) {
            repo.insert(new Notification("n" + i, "olga", "licence.expiring", a, Map.of(), T0.plusSeconds(i), null));
        }
        repo.insert(new Notification("x", "ivan", "licence.expiring", a, Map.of(), T0, null));
        assertThat(repo.markRead("olga", "n0", T0.plusSeconds(5))).isTrue();
        assertThat(repo.markAllRead("olga", T0.plusSeconds(1), T0.plusSeconds(10))).as("n1 only: n0 was read, n2 came later").isEqualTo(1);
        assertThat(repo.of("olga", true, null, 10)).extracting(Notification::id).containsExactly("n2");
        assertThat(repo.find("n0").orElseThrow().readAt()).isEqualTo(T0.plusSeconds(5));
        assertThat(repo.of("ivan", true, null, 10)).extracting(Notification::id).containsExactly("x");
    }
}
