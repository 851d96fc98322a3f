package io.vitrine.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vitrine.asset.Asset;
import io.vitrine.asset.AssetRepository;
import io.vitrine.asset.TestAssets;
import io.vitrine.asset.jdbc.JdbiAssetRepository;
import io.vitrine.auth.jdbc.JdbiGroupRepository;
import io.vitrine.auth.jdbc.JdbiUserRepository;
import io.vitrine.collection.Collection;
import io.vitrine.collection.jdbc.JdbiCollectionRepository;
import io.vitrine.db.Database;
import io.vitrine.db.Json;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Groups, memberships, the grant read on every request, and the collection filter of asset lists, on a
 * real database (each subclass picks H2 or PostgreSQL): V19 must run and behave the same on both.
 */
public abstract class GroupRepositoryContract {
    static final Instant T0 = Instant.parse("2025-06-01T10:00:00.123456Z");

    protected Database db;
    GroupRepository groups;
    JdbiUserRepository users;
    AssetRepository assets;
    JdbiCollectionRepository collections;

    protected abstract Database freshDatabase();

    @BeforeEach
    void open() {
        db = freshDatabase();
        groups = new JdbiGroupRepository(db.handles());
        users = new JdbiUserRepository(db.handles());
        assets = new JdbiAssetRepository(db.handles(), Json.mapper());
        collections = new JdbiCollectionRepository(db.handles());
    }

    @AfterEach
    void close() {
        db.close();
    }

    private String user(String id, String... roles) {
        users.insert(new User(id, id, Set.of(roles), Set.of("DE"), T0, null),
                new ApiToken("tok-" + id, id, "hash-" + id, Set.of(roles), Set.of("DE"), T0, null, null));
        return id;
    }

    private Group group(String id, String name, Set<String> roles, Set<String> regions, Set<String> cols) {
        Group g = new Group(id, name, "about " + name, roles, regions, cols, T0, T0);
        groups.insert(g);
        return g;
    }

    @Test
    void a_group_round_trips_and_a_taken_name_is_refused() {
        group("g1", "Agency North", Set.of("librarian"), Set.of("FR", "AT"), Set.of("c1", "c2"));
        group("g2", "Open", Set.of(), Set.of(), null);
        Group back = groups.find("g1").orElseThrow();
        assertThat(back.roles()).containsExactly("librarian");
        assertThat(back.regions()).containsExactlyInAnyOrder("FR", "AT");
        assertThat(back.collections()).containsExactlyInAnyOrder("c1", "c2");
        assertThat(back.createdAt()).isEqualTo(T0);
        assertThat(groups.find("g2").orElseThrow().collections()).as("no restriction stays null, not empty").isNull();
        assertThat(groups.list()).extracting(Group::name).containsExactly("Agency North", "Open");
        assertThatThrownBy(() -> group("g3", "Open", Set.of(), Set.of(), null)).isInstanceOf(NameTakenException.class);
        assertThatThrownBy(() -> groups.update(new Group("g1", "Open", null, Set.of(), Set.of(), null, T0, T0)))
                .isInstanceOf(NameTakenException.class);
    }

    @Test
    void the_grant_of_a_token_holds_her_own_collections_and_every_group_of_hers() {
        user("ann", "consumer");
        group("g1", "Brand A", Set.of("librarian"), Set.of("FR"), Set.of("c1"));
        group("g2", "Brand B", Set.of(), Set.of("IT"), Set.of("c2"));
        group("g3", "Elsewhere", Set.of("admin"), Set.of(), null);
        groups.addMember("g1", "ann", GroupRepository.Source.ADMIN, T0);
        groups.addMember("g2", "ann", GroupRepository.Source.ADMIN, T0);
        groups.setUserCollections("ann", Set.of("c9"));
        Principal p = groups.grantOf("tok-ann").orElseThrow().apply(new Principal("tok-ann", "ann", Set.of("consumer"), Set.of("DE")));
        assertThat(p.roles()).containsExactlyInAnyOrder("consumer", "librarian");
        assertThat(p.regions()).containsExactlyInAnyOrder("DE", "FR", "IT");
        assertThat(p.collections()).containsExactlyInAnyOrder("c1", "c2", "c9");
        assertThat(groups.grantOf("ann")).as("a user id works as well (provider access tokens)").isPresent();
        assertThat(groups.grantOf("no-such-token")).isEmpty();
        groups.removeMember("g1", "ann");
        groups.removeMember("g2", "ann");
        groups.setUserCollections("ann", null);
        Principal plain = groups.grantOf("tok-ann").orElseThrow().apply(new Principal("tok-ann", "ann", Set.of("consumer"), Set.of("DE")));
        assertThat(plain.collections()).as("no attribute anywhere: unrestricted").isNull();
        assertThat(plain.roles()).containsExactly("consumer");
    }

    @Test
    void provider_memberships_are_replaced_at_sign_in_while_an_admins_stay() {
        user("bob", "consumer");
        group("g1", "Brand A", Set.of(), Set.of(), null);
        group("g2", "Brand B", Set.of(), Set.of(), null);
        group("g3", "Brand C", Set.of(), Set.of(), null);
        groups.addMember("g3", "bob", GroupRepository.Source.ADMIN, T0);
        groups.syncProviderGroups("bob", Set.of("Brand A", "g2", "unknown group"), T0);
        assertThat(groups.groupsOf("bob")).extracting(Group::id).containsExactly("g1", "g2", "g3");
        groups.syncProviderGroups("bob", Set.of("Brand B", "Brand C"), T0.plusSeconds(1));
        assertThat(groups.groupsOf("bob")).extracting(Group::id).containsExactly("g2", "g3");
        assertThat(groups.members("g3")).extracting(GroupRepository.Membership::source).containsExactly(GroupRepository.Source.ADMIN);
        groups.syncProviderGroups("bob", Set.of(), T0.plusSeconds(2));
        assertThat(groups.groupsOf("bob")).extracting(Group::id).as("an admin's membership survives an empty claim").containsExactly("g3");
    }

    @Test
    void deleting_a_group_ends_its_memberships() {
        user("cy", "consumer");
        group("g1", "Brand A", Set.of("librarian"), Set.of(), null);
        groups.addMember("g1", "cy", GroupRepository.Source.ADMIN, T0);
        assertThat(groups.delete("g1")).isTrue();
        assertThat(groups.delete("g1")).isFalse();
        assertThat(groups.groupsOf("cy")).isEmpty();
    }

    @Test
    void a_list_limited_to_collections_shows_only_assets_in_one_of_them() {
        String a = asset(1);
        String b = asset(2);
        String c = asset(3);
        collections.insert(new Collection("c1", "one", null, "owner", T0, T0, 0));
        collections.insert(new Collection("c2", "two", null, "owner", T0, T0, 0));
        collections.addAssets("c1", List.of(a, b), "owner", T0);
        collections.addAssets("c2", List.of(b, c), "owner", T0);
        assertThat(ids(assets.list(50, null, Set.of(), Set.of("c1")).items())).containsExactly(b, a);
        assertThat(ids(assets.list(50, null, Set.of(), Set.of("c1", "c2")).items())).as("no duplicates").containsExactly(c, b, a);
        assertThat(ids(assets.list(50, null, Set.of(), Set.of()).items())).isEmpty();
        assertThat(ids(assets.list(50, null, Set.of(), null).items())).containsExactly(c, b, a);
        var first = assets.list(1, null, Set.of(), Set.of("c2"));
        assertThat(ids(first.items())).containsExactly(c);
        assertThat(ids(assets.list(1, first.nextCursor(), Set.of(), Set.of("c2")).items())).containsExactly(b);
    }

    private String asset(int minute) {
        String id = TestAssets.newId(T0.plusSeconds(60L * minute));
        assets.insert(TestAssets.processing(id, TestAssets.sha(id), T0.plusSeconds(60L * minute)));
        return id;
    }

    private static List<String> ids(List<Asset> items) {
        return items.stream().map(Asset::id).toList();
    }
}
