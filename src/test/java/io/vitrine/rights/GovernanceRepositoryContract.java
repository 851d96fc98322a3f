package io.vitrine.rights;

import static org.assertj.core.api.Assertions.assertThat;

import io.vitrine.asset.Asset;
import io.vitrine.asset.AssetRepository;
import io.vitrine.asset.AssetStatus;
import io.vitrine.asset.TestAssets;
import io.vitrine.asset.jdbc.JdbiAssetRepository;
import io.vitrine.audit.AuditService;
import io.vitrine.audit.jdbc.JdbiAuditLog;
import io.vitrine.db.Database;
import io.vitrine.db.Json;
import io.vitrine.rights.jdbc.JdbiLicenceRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Persistence of governance on a real database (each subclass picks H2 or PostgreSQL): the region
 * filter of asset lists, licences and their links, the lifecycle query, and the audit chain under
 * concurrency and tampering.
 */
public abstract class GovernanceRepositoryContract {
    static final Instant T0 = Instant.parse("2025-06-01T10:00:00.123456Z");

    protected Database db;
    AssetRepository assets;
    JdbiLicenceRepository licences;
    AuditService audit;

    protected abstract Database freshDatabase();

    @BeforeEach
    void open() {
        db = freshDatabase();
        assets = new JdbiAssetRepository(db.handles(), Json.mapper());
        licences = new JdbiLicenceRepository(db.handles());
        audit = new AuditService(new JdbiAuditLog(db.handles()), db.handles(), Json.mapper(), Clock.fixed(T0, ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private String asset(int minute, String... regions) {
        String id = TestAssets.newId(T0.plusSeconds(60L * minute));
        assets.insert(TestAssets.processing(id, TestAssets.sha(id), T0.plusSeconds(60L * minute)));
        assets.updateRegions(id, Set.of(regions), T0);
        return id;
    }

    @Test
    void a_list_shows_unrestricted_assets_and_those_of_the_callers_regions_only() {
        String open = asset(1);
        String de = asset(2, "DE");
        String fr = asset(3, "FR");
        String defr = asset(4, "DE", "FR");
        assertThat(ids(assets.list(50, null, Set.of("DE")).items())).containsExactly(defr, de, open);
        assertThat(ids(assets.list(50, null, Set.of()).items())).containsExactly(open);
        assertThat(ids(assets.list(50, null, null).items())).containsExactly(defr, fr, de, open);
        assertThat(assets.find(defr).orElseThrow().regions()).containsExactlyInAnyOrder("DE", "FR");
    }

    @Test
    void a_filtered_list_pages_over_visible_assets_only() {
        List<String> visible = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            String id = asset(i, i % 3 == 0 ? "US" : "GB");
            if (i % 3 != 0) {
                visible.addFirst(id);
            }
        }
        var first = assets.list(4, null, Set.of("GB"));
        var second = assets.list(4, first.nextCursor(), Set.of("GB"));
        assertThat(ids(first.items())).hasSize(4);
        assertThat(second.nextCursor()).isNull();
        List<String> all = new ArrayList<>(ids(first.items()));
        all.addAll(ids(second.items()));
        assertThat(all).isEqualTo(visible);
    }

    @Test
    void licences_round_trip_and_attach_is_idempotent() {
        String a = asset(1);
        Licence l = new Licence("lic1", Licence.Kind.RELEASE, Set.of(Channel.WEB, Channel.OOH), Set.of("DE"), T0,
                T0.plusSeconds(86400), "Studio Nord", "© Studio Nord", "no retouching", T0);
        licences.insert(l);
        licences.attach(a, "lic1", T0);
        licences.attach(a, "lic1", T0);
        assertThat(licences.find("lic1")).contains(l);
        assertThat(licences.forAsset(a)).containsExactly(l);
        assertThat(licences.find("nope")).isEmpty();
    }

    @Test
    void detaching_is_idempotent_and_only_releases_still_attached_say_when_the_newest_came() {
        String a = asset(1);
        licence("plain", null);
        licences.insert(new Licence("rel-old", Licence.Kind.RELEASE, Set.of(Channel.WEB), Set.of(), null, null, null, null, null, T0));
        licences.insert(new Licence("rel-new", Licence.Kind.RELEASE, Set.of(Channel.WEB), Set.of(), null, null, null, null, null, T0));
        licences.attach(a, "plain", T0.plusSeconds(30));
        assertThat(licences.releaseAttachedAt(a, T0)).as("a licence is not a release").isEmpty();
        licences.attach(a, "rel-old", T0.plusSeconds(10));
        licences.attach(a, "rel-new", T0.plusSeconds(20));
        assertThat(licences.releaseAttachedAt(a, T0)).contains(T0.plusSeconds(20));
        assertThat(licences.detach(a, "rel-new")).isTrue();
        assertThat(licences.detach(a, "rel-new")).isFalse();
        assertThat(licences.releaseAttachedAt(a, T0)).contains(T0.plusSeconds(10));
        assertThat(licences.detach(a, "rel-old")).isTrue();
        assertThat(licences.releaseAttachedAt(a, T0)).isEmpty();
        assertThat(licences.forAsset(a)).extracting(Licence::id).containsExactly("plain");
    }

    @Test
    void a_release_whose_end_has_passed_no_longer_counts_and_is_found_among_releases_ending() {
        String a = asset(1);
        licence("plain-ending", T0.plusSeconds(50));
        licences.insert(new Licence("rel-ending", Licence.Kind.RELEASE, Set.of(Channel.WEB), Set.of(), null, T0.plusSeconds(60),
                null, null, null, T0));
        licences.attach(a, "plain-ending", T0);
        licences.attach(a, "rel-ending", T0.plusSeconds(5));
        assertThat(licences.releaseAttachedAt(a, T0.plusSeconds(60))).as("the end is inclusive").contains(T0.plusSeconds(5));
        assertThat(licences.releaseAttachedAt(a, T0.plusSeconds(61))).isEmpty();
        assertThat(licences.releasesEndingBetween(T0, T0.plusSeconds(61)))
                .containsExactly(new LicenceRepository.Ending("rel-ending", a, T0.plusSeconds(60)));
        assertThat(licences.releasesEndingBetween(T0.plusSeconds(61), T0.plusSeconds(100))).isEmpty();
        assertThat(licences.endingBetween(T0, T0.plusSeconds(61))).extracting(LicenceRepository.Ending::licenceId)
                .containsExactly("plain-ending", "rel-ending");
    }

    @Test
    void a_release_attached_before_its_start_counts_from_its_start_and_is_found_among_releases_starting() {
        String a = asset(1);
        licences.insert(new Licence("rel-later", Licence.Kind.RELEASE, Set.of(Channel.WEB), Set.of(), T0.plusSeconds(60), null,
                null, null, null, T0));
        licences.attach(a, "rel-later", T0.plusSeconds(5));
        assertThat(licences.releaseAttachedAt(a, T0.plusSeconds(59))).as("not in force yet").isEmpty();
        assertThat(licences.releaseAttachedAt(a, T0.plusSeconds(60))).as("in force from its start, which is when it came")
                .contains(T0.plusSeconds(60));
        assertThat(licences.releasesStartingBetween(T0, T0.plusSeconds(61)))
                .containsExactly(new LicenceRepository.Starting("rel-later", a, T0.plusSeconds(60)));
        assertThat(licences.releasesStartingBetween(T0.plusSeconds(61), T0.plusSeconds(100))).isEmpty();
        licences.insert(new Licence("rel-started", Licence.Kind.RELEASE, Set.of(Channel.WEB), Set.of(), T0, null, null, null, null, T0));
        licences.attach(a, "rel-started", T0.plusSeconds(90));
        assertThat(licences.releaseAttachedAt(a, T0.plusSeconds(100))).as("attached after its start: it came when attached")
                .contains(T0.plusSeconds(90));
    }

    @Test
    void licence_terms_and_documents_round_trip() {
        Licence l = new Licence("lic2", Licence.Kind.RELEASE, Set.of(Channel.PRINT), Set.of(), null, null, null, null, null, T0,
                Set.of("image", "video"), true, List.of("Ana Lima, model", "Casa Azul (property)"));
        licences.insert(l);
        assertThat(licences.find("lic2")).contains(l);
        LicenceDocument d = new LicenceDocument("doc1", "lic2", "release.pdf", "application/pdf", "a".repeat(64), 1234, T0);
        licences.addDocument(d);
        assertThat(licences.documents("lic2")).containsExactly(d);
        assertThat(licences.documents("lic1")).isEmpty();
    }

    @Test
    void the_lifecycle_query_finds_assets_whose_every_licence_has_ended() {
        String ended = asset(1);
        String oneOpen = asset(2);
        String none = asset(3);
        String quarantined = asset(4);
        licence("old", T0.minusSeconds(10));
        licence("older", T0.minusSeconds(100));
        licence("forever", null);
        for (String id : List.of(ended, quarantined)) {
            licences.attach(id, "old", T0);
            licences.attach(id, "older", T0);
        }
        licences.attach(oneOpen, "old", T0);
        licences.attach(oneOpen, "forever", T0);
        assets.updateStatus(quarantined, AssetStatus.QUARANTINED, "by hand", T0);
        assertThat(licences.fullyExpired(T0)).containsExactly(new LicenceRepository.Expired(ended, T0.minusSeconds(10)));
        assertThat(none).isNotNull();
    }

    private void licence(String id, Instant end) {
        licences.insert(new Licence(id, Licence.Kind.LICENCE, Set.of(Channel.WEB), Set.of(), null, end, null, null, null, T0));
    }

    @Test
    void parallel_appends_form_one_unbroken_chain() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8, Thread.ofPlatform().name("audit-test-", 0).factory());
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            int n = i;
            done.add(pool.submit(() -> audit.record("tester", "asset.upload", "a" + n, Map.of("n", Integer.toString(n)))));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        AuditService.Verification v = audit.verify();
        assertThat(v.valid()).as(v.reason()).isTrue();
        assertThat(v.events()).isEqualTo(120);
    }

    @Test
    void an_edited_event_breaks_the_chain_at_that_event() {
        for (int i = 0; i < 5; i++) {
            audit.record("tester", "asset.original", "a" + i, Map.of("channel", "web"));
        }
        db.handles().with(h -> h.createUpdate("update audit_events set target = 'someone-else' where seq = 3").execute());
        AuditService.Verification v = audit.verify();
        assertThat(v.valid()).isFalse();
        assertThat(v.firstBroken()).isEqualTo(3);
        assertThat(v.events()).isEqualTo(2);
    }

    @Test
    void a_rehashed_edit_is_still_caught_by_the_next_event() {
        for (int i = 0; i < 3; i++) {
            audit.record("tester", "asset.delete", "a" + i, Map.of());
        }
        db.handles().with(h -> h.createUpdate("update audit_events set hash = :h where seq = 2").bind("h", "f".repeat(64)).execute());
        assertThat(audit.verify().firstBroken()).isEqualTo(2);
    }

    @Test
    void deleting_the_newest_event_is_caught_by_the_head() {
        for (int i = 0; i < 3; i++) {
            audit.record("tester", "asset.delete", "a" + i, Map.of());
        }
        db.handles().with(h -> h.createUpdate("delete from audit_events where seq = 3").execute());
        AuditService.Verification v = audit.verify();
        assertThat(v.valid()).isFalse();
        assertThat(v.firstBroken()).isEqualTo(3);
    }

    private static List<String> ids(List<Asset> list) {
        return list.stream().map(Asset::id).toList();
    }
}
