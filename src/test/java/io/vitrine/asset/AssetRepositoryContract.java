package io.vitrine.asset;

import static io.vitrine.asset.TestAssets.processing;
import static io.vitrine.asset.TestAssets.sha;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vitrine.asset.jdbc.JdbiAssetRepository;
import io.vitrine.db.Database;
import io.vitrine.db.Json;
import io.vitrine.metadata.ExtractedMetadata;
import io.vitrine.metadata.NormalizedMetadata;
import io.vitrine.pipeline.Step;
import io.vitrine.pipeline.jdbc.JdbiJobQueue;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@link AssetRepository} contract, run against a real database by each subclass. Every test
 * gets a fresh, migrated database.
 */
public abstract class AssetRepositoryContract {
    /** Microsecond precision is what both databases keep; the repository must not lose it. */
    protected static final Instant T0 = Instant.parse("2025-03-04T05:06:07.123456Z");

    protected Database db;
    protected AssetRepository repo;
    protected JdbiJobQueue jobs;

    /** A fresh, migrated database of the kind under test. */
    protected abstract Database freshDatabase();

    @BeforeEach
    void open() {
        db = freshDatabase();
        repo = new JdbiAssetRepository(db.handles(), Json.mapper());
        jobs = new JdbiJobQueue(db.handles(), () -> {});
    }

    @AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
    }

    @Test
    void an_inserted_asset_comes_back_with_every_field_intact() {
        Asset asset = richAsset(TestAssets.newId(T0));
        repo.insert(asset);

        assertThat(repo.find(asset.id())).contains(asset);
    }

    @Test
    void an_asset_without_extracted_metadata_comes_back_with_nulls_not_defaults() {
        Asset asset = processing(TestAssets.newId(T0), sha("a"), T0);
        repo.insert(asset);

        Asset found = repo.find(asset.id()).orElseThrow();
        assertThat(found).isEqualTo(asset);
        assertThat(found.extracted()).isNull();
        assertThat(found.width()).isNull();
        assertThat(found.userMetadata()).isEqualTo(UserMetadata.EMPTY);
    }

    @Test
    void extracted_metadata_without_text_keeps_the_text_null() {
        Asset asset = processing(TestAssets.newId(T0), sha("a"), T0);
        repo.insert(asset);
        ExtractedMetadata m = new ExtractedMetadata(10, 20, 6, NormalizedMetadata.EMPTY, Map.of("pageCount", 2),
                Map.of("XMP", Map.of("dc:title", "x")), null);

        repo.updateExtracted(asset.id(), 10, 20, m, T0.plusSeconds(1));

        Asset found = repo.find(asset.id()).orElseThrow();
        assertThat(found.extracted()).isEqualTo(m);
        assertThat(found.width()).isEqualTo(10);
        assertThat(found.height()).isEqualTo(20);
        assertThat(found.updatedAt()).isEqualTo(T0.plusSeconds(1));
    }

    @Test
    void finding_an_unknown_id_is_empty() {
        assertThat(repo.find("00000000000000000000000000")).isEmpty();
    }

    @Test
    void updates_change_status_and_user_metadata_and_ignore_unknown_ids() {
        Asset asset = processing(TestAssets.newId(T0), sha("a"), T0);
        repo.insert(asset);
        UserMetadata um = new UserMetadata("Titel ü", "desc", List.of("b", "a"), "me", "(c) me", Map.of("k", "v"));

        repo.updateUserMetadata(asset.id(), um, T0.plusSeconds(1));
        repo.updateStatus(asset.id(), AssetStatus.FAILED, "cannot decode", T0.plusSeconds(2));
        repo.updateStatus("00000000000000000000000000", AssetStatus.READY, null, T0.plusSeconds(3));

        Asset found = repo.find(asset.id()).orElseThrow();
        assertThat(found.userMetadata()).isEqualTo(um);
        assertThat(found.status()).isEqualTo(AssetStatus.FAILED);
        assertThat(found.statusReason()).isEqualTo("cannot decode");
        assertThat(found.updatedAt()).isEqualTo(T0.plusSeconds(2));
        assertThat(repo.countLive()).isEqualTo(1);
    }

    @Test
    void find_live_by_sha256_ignores_deleted_assets_and_prefers_the_oldest_live_one() {
        String content = sha("same bytes");
        Asset oldest = processing(TestAssets.newId(T0), content, T0);
        Asset middle = processing(TestAssets.newId(T0.plusSeconds(1)), content, T0.plusSeconds(1));
        Asset newest = processing(TestAssets.newId(T0.plusSeconds(2)), content, T0.plusSeconds(2));
        List.of(newest, oldest, middle).forEach(repo::insert);

        repo.markDeleted(oldest.id(), T0.plusSeconds(5));
        assertThat(repo.findLiveBySha256(content)).map(Asset::id).contains(middle.id());

        repo.markDeleted(middle.id(), T0.plusSeconds(5));
        repo.markDeleted(newest.id(), T0.plusSeconds(5));
        assertThat(repo.findLiveBySha256(content)).isEmpty();
        assertThat(repo.findLiveBySha256(sha("other bytes"))).isEmpty();
    }

    @Test
    void list_walks_every_live_asset_newest_first_without_repeats_or_skips_even_with_equal_timestamps() {
        List<Asset> live = new ArrayList<>();
        db.handles().run(() -> {
            for (int i = 0; i < 23; i++) {
                // Groups of up to 5 share one created_at: only the id can order them.
                Instant created = T0.plusMillis(i / 5);
                Asset a = processing(TestAssets.newId(created), sha("c" + i), created);
                repo.insert(a);
                if (i % 7 == 3) {
                    repo.markDeleted(a.id(), created);
                } else {
                    live.add(a);
                }
            }
        });

        List<String> walked = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Page<Asset> page = repo.list(4, cursor);
            assertThat(page.items()).hasSizeLessThanOrEqualTo(4);
            page.items().forEach(a -> walked.add(a.id()));
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null && pages < 100);

        List<String> expected = live.stream()
                .sorted(Comparator.comparing(Asset::createdAt).thenComparing(Asset::id).reversed())
                .map(Asset::id).toList();
        assertThat(walked).containsExactlyElementsOf(expected);
        assertThat(pages).isEqualTo((expected.size() + 3) / 4);
    }

    @Test
    void a_page_that_ends_exactly_at_the_last_asset_has_no_next_cursor() {
        for (int i = 0; i < 3; i++) {
            repo.insert(processing(TestAssets.newId(T0), sha("x" + i), T0.plusSeconds(i)));
        }
        assertThat(repo.list(3, null).nextCursor()).isNull();
        assertThat(repo.list(10, null).items()).hasSize(3);
        assertThat(repo.list(2, null).nextCursor()).isNotNull();
    }

    @Test
    void listing_an_empty_repository_gives_an_empty_last_page() {
        Page<Asset> page = repo.list(10, null);
        assertThat(page.items()).isEmpty();
        assertThat(page.nextCursor()).isNull();
    }

    @Test
    void listed_assets_carry_their_renditions() {
        Asset a = processing(TestAssets.newId(T0), sha("a"), T0);
        repo.insert(a);
        Rendition thumb = new Rendition("thumb", "thumb@v1", sha("t"), "image/webp", 256, 170, 9000);
        repo.putRendition(a.id(), thumb);

        assertThat(repo.list(10, null).items()).singleElement()
                .satisfies(listed -> assertThat(listed.renditions()).containsExactly(thumb));
    }

    static Stream<String> garbledCursors() {
        return Stream.of("", "!!!not base64!!!", encode("nonsense"), encode("1.2."), encode("x.y.abc"),
                encode("1.0." + "a".repeat(40)),
                encode("999999999999999.0.abc"), // a year no database stores
                encode("-99999999999999.0.abc"),
                encode("1.99999999999999.abc"));
    }

    @ParameterizedTest
    @MethodSource("garbledCursors")
    void a_garbled_cursor_is_rejected_as_an_illegal_argument(String cursor) {
        repo.insert(processing(TestAssets.newId(T0), sha("a"), T0));

        assertThatThrownBy(() -> repo.list(10, cursor)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void versions_are_listed_newest_first_and_make_current_replaces_file_facts_and_clears_derived_data() {
        Asset asset = richAsset(TestAssets.newId(T0));
        repo.insert(asset);
        AssetVersion v1 = new AssetVersion(asset.id(), 1, asset.sha256(), asset.bytes(), asset.mediaType(),
                asset.filename(), T0);
        AssetVersion v2 = new AssetVersion(asset.id(), 2, sha("v2"), 77, "image/png", "zweite Fassung ü.png",
                T0.plusSeconds(60));
        repo.insertVersion(v1);
        repo.putRendition(asset.id(), new Rendition("thumb", "thumb@v1", sha("t1"), "image/webp", 256, 256, 10));
        repo.insertVersion(v2);

        Instant now = T0.plusSeconds(61);
        repo.makeCurrent(v2, "image/jpeg", true, AssetStatus.PROCESSING, null, now);

        assertThat(repo.versions(asset.id())).containsExactly(v2, v1);
        Asset current = repo.find(asset.id()).orElseThrow();
        assertThat(current.version()).isEqualTo(2);
        assertThat(current.sha256()).isEqualTo(v2.sha256());
        assertThat(current.bytes()).isEqualTo(77);
        assertThat(current.mediaType()).isEqualTo("image/png");
        assertThat(current.filename()).isEqualTo("zweite Fassung ü.png");
        assertThat(current.claimedType()).isEqualTo("image/jpeg");
        assertThat(current.typeMismatch()).isTrue();
        assertThat(current.status()).isEqualTo(AssetStatus.PROCESSING);
        assertThat(current.statusReason()).isNull();
        assertThat(current.extracted()).isNull();
        assertThat(current.width()).isNull();
        assertThat(current.height()).isNull();
        assertThat(current.renditions()).isEmpty();
        assertThat(current.updatedAt()).isEqualTo(now);
        assertThat(current.createdAt()).isEqualTo(asset.createdAt());
        assertThat(current.userMetadata()).isEqualTo(asset.userMetadata());
    }

    @Test
    void renditions_are_put_replaced_by_name_and_deleted() {
        Asset asset = processing(TestAssets.newId(T0), sha("a"), T0);
        repo.insert(asset);
        Rendition thumb = new Rendition("thumb", "thumb@v1", sha("t1"), "image/webp", 256, 171, 5_000);
        Rendition preview = new Rendition("preview", "preview@v1", sha("p1"), "image/webp", 1024, 683, 50_000);
        Rendition thumb2 = new Rendition("thumb", "thumb@v2", sha("t2"), "image/avif", 256, 170, 4_000);

        repo.putRendition(asset.id(), thumb);
        repo.putRendition(asset.id(), preview);
        repo.putRendition(asset.id(), thumb2);

        assertThat(repo.renditions(asset.id())).containsExactly(preview, thumb2);
        assertThat(repo.find(asset.id()).orElseThrow().renditions()).containsExactly(preview, thumb2);
        assertThat(repo.blobInUse(sha("t1"))).isFalse();

        repo.deleteRenditions(asset.id());
        assertThat(repo.renditions(asset.id())).isEmpty();
    }

    @Test
    void mark_deleted_hides_the_asset_from_live_views_but_find_still_returns_it_once_deleted() {
        Asset keep = processing(TestAssets.newId(T0), sha("keep"), T0);
        Asset gone = processing(TestAssets.newId(T0), sha("gone"), T0.plusSeconds(1));
        repo.insert(keep);
        repo.insert(gone);

        repo.markDeleted(gone.id(), T0.plusSeconds(10));
        repo.markDeleted(gone.id(), T0.plusSeconds(20));

        Asset found = repo.find(gone.id()).orElseThrow();
        assertThat(found.deleted()).isTrue();
        assertThat(found.deletedAt()).as("a second delete keeps the first time").isEqualTo(T0.plusSeconds(10));
        assertThat(found.updatedAt()).isEqualTo(T0.plusSeconds(10));
        assertThat(repo.countLive()).isEqualTo(1);
        assertThat(repo.list(10, null).items()).extracting(Asset::id).containsExactly(keep.id());
        assertThat(repo.blobInUse(gone.sha256())).as("deleted, not yet purged").isTrue();
    }

    @Test
    void purge_removes_the_asset_its_versions_and_renditions_for_good() {
        Asset asset = processing(TestAssets.newId(T0), sha("orig"), T0);
        repo.insert(asset);
        repo.insertVersion(new AssetVersion(asset.id(), 1, sha("orig"), 1234, "image/jpeg", "a.jpg", T0));
        repo.putRendition(asset.id(), new Rendition("thumb", "thumb@v1", sha("thumb"), "image/webp", 1, 1, 1));
        Asset other = processing(TestAssets.newId(T0), sha("other"), T0);
        repo.insert(other);
        repo.markDeleted(asset.id(), T0.plusSeconds(1));

        repo.purge(asset.id());

        assertThat(repo.find(asset.id())).isEmpty();
        assertThat(repo.versions(asset.id())).isEmpty();
        assertThat(repo.renditions(asset.id())).isEmpty();
        assertThat(repo.blobInUse(sha("orig"))).isFalse();
        assertThat(repo.blobInUse(sha("thumb"))).isFalse();
        assertThat(repo.find(other.id())).isPresent();
    }

    @Test
    void a_blob_is_in_use_while_an_asset_a_version_or_a_rendition_points_at_it() {
        Asset asset = processing(TestAssets.newId(T0), sha("v1"), T0);
        repo.insert(asset);
        repo.insertVersion(new AssetVersion(asset.id(), 1, sha("v1"), 1, "image/jpeg", "a.jpg", T0));
        AssetVersion v2 = new AssetVersion(asset.id(), 2, sha("v2"), 2, "image/jpeg", "a.jpg", T0.plusSeconds(1));
        repo.insertVersion(v2);
        repo.makeCurrent(v2, null, false, AssetStatus.PROCESSING, null, T0.plusSeconds(1));
        repo.putRendition(asset.id(), new Rendition("thumb", "thumb@v1", sha("r"), "image/webp", 1, 1, 1));

        assertThat(repo.blobInUse(sha("v1"))).as("only an old version points at it").isTrue();
        assertThat(repo.blobInUse(sha("v2"))).isTrue();
        assertThat(repo.blobInUse(sha("r"))).isTrue();
        assertThat(repo.blobInUse(sha("nobody"))).isFalse();
    }

    @Test
    void for_each_live_visits_every_live_asset_exactly_once_across_batches() {
        Set<String> live = new HashSet<>();
        db.handles().run(() -> {
            for (int i = 0; i < 1_003; i++) {
                Instant created = T0.plusMillis(i / 3);
                Asset a = processing(TestAssets.newId(created), sha("f" + i), created);
                repo.insert(a);
                if (i % 100 == 0) {
                    repo.markDeleted(a.id(), created);
                } else {
                    live.add(a.id());
                }
            }
        });

        List<String> visited = new ArrayList<>();
        repo.forEachLive(a -> visited.add(a.id()));

        assertThat(visited).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(live);
        assertThat(repo.countLive()).isEqualTo(live.size());
    }

    @Test
    void a_transaction_that_throws_rolls_back_both_the_asset_row_and_the_job_row() {
        Asset asset = processing(TestAssets.newId(T0), sha("a"), T0);

        assertThatThrownBy(() -> db.handles().run(() -> {
            repo.insert(asset);
            jobs.enqueue(asset.id(), new Step.ExtractMetadata(), T0);
            throw new IllegalStateException("boom after both writes");
        })).hasMessage("boom after both writes");

        assertThat(repo.find(asset.id())).isEmpty();
        assertThat(jobs.pending()).isZero();
    }

    @Test
    void a_nested_transaction_joins_the_outer_one_and_rolls_back_with_it() {
        Asset outer = processing(TestAssets.newId(T0), sha("outer"), T0);
        Asset inner = processing(TestAssets.newId(T0), sha("inner"), T0);

        assertThatThrownBy(() -> db.handles().run(() -> {
            repo.insert(outer);
            db.handles().run(() -> {
                repo.insert(inner);
                jobs.enqueue(inner.id(), new Step.Index(), T0);
            });
            throw new IllegalStateException("outer fails after inner finished");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(repo.find(outer.id())).isEmpty();
        assertThat(repo.find(inner.id())).isEmpty();
        assertThat(jobs.pending()).isZero();
    }

    @Test
    void a_committed_transaction_keeps_both_rows() {
        Asset asset = processing(TestAssets.newId(T0), sha("a"), T0);

        db.handles().run(() -> {
            repo.insert(asset);
            jobs.enqueue(asset.id(), new Step.ExtractMetadata(), T0);
        });

        assertThat(repo.find(asset.id())).isPresent();
        assertThat(jobs.claim("w", T0.plusSeconds(1), Duration.ofMinutes(1)))
                .hasValueSatisfying(job -> assertThat(job.assetId()).isEqualTo(asset.id()));
    }

    // --- fixtures ----------------------------------------------------------------------------

    /** An asset that uses every column, nested JSON, unicode and microsecond times. */
    protected static Asset richAsset(String id) {
        Map<String, Object> deep = new LinkedHashMap<>();
        deep.put("list", List.of(1, 2, 3));
        deep.put("flag", true);
        deep.put("nothing", null);
        deep.put("big", 5_000_000_000L);
        deep.put("ratio", 0.25);
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("Exif IFD0", Map.of("Make", "Canon", "Model", "EOS R5", "Nested", deep));
        raw.put("XMP", Map.of("dc:subject", List.of("Straße", "東京", "🌅")));
        Map<String, Object> technical = Map.of("durationSeconds", 12.5, "videoCodec", "h264", "pageCount", 3);
        NormalizedMetadata normalized = new NormalizedMetadata(Instant.parse("2019-07-14T18:30:01.654321Z"), "Canon",
                "EOS R5", new NormalizedMetadata.Gps(48.858093, 2.294694, 35.5), "Ana Ñúñez", "© 2019 Ana",
                "Titre «été»", "Beschreibung\nmit Zeilen", List.of("tour eiffel", "夜景"));
        ExtractedMetadata extracted = new ExtractedMetadata(8192, 5464, 6, normalized, technical, raw,
                "document text — ünïcödé 🎞");
        UserMetadata user = new UserMetadata("My title", "My description", List.of("k1", "k2"), "Creator",
                "CC-BY", Map.of("project", "Vitrine", "clé", "värde"));
        return new Asset(id, "Фото 日本 🎞️ café (1).JPG", "image/jpeg", "image/heic", true, 3_000_000_000L,
                sha("rich"), AssetStatus.QUARANTINED, "type mismatch", 8192, 5464, extracted, user, 3, T0,
                T0.plusNanos(1_000), null, List.of());
    }

    private static String encode(String raw) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }
}
