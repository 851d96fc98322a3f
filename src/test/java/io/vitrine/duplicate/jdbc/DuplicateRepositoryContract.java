package io.vitrine.duplicate.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.vitrine.asset.AssetRepository;
import io.vitrine.asset.TestAssets;
import io.vitrine.asset.jdbc.JdbiAssetRepository;
import io.vitrine.db.Database;
import io.vitrine.db.Json;
import io.vitrine.duplicate.DuplicatePair;
import io.vitrine.duplicate.DuplicateRepository;
import io.vitrine.duplicate.Fingerprint;
import io.vitrine.duplicate.ImageHashes;
import io.vitrine.duplicate.Verdict;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Fingerprints, the indexed near lookup, and pairs with their decisions, on each database. */
public abstract class DuplicateRepositoryContract {
    static final Instant T0 = Instant.parse("2025-06-01T10:00:00.123456Z");
    static final long PHASH = 0x9F3A_5C71_E20B_44D6L;

    protected Database db;
    AssetRepository assets;
    DuplicateRepository repo;

    protected abstract Database freshDatabase();

    @BeforeEach
    void open() {
        db = freshDatabase();
        assets = new JdbiAssetRepository(db.handles(), Json.mapper());
        repo = new JdbiDuplicateRepository(db.handles());
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

    private Fingerprint print(String id, long phash, String sha) {
        byte[] colour = new byte[48];
        colour[0] = 7;
        return new Fingerprint(id, sha, new ImageHashes(0x0123_4567_89AB_CDEFL, phash, new long[] {~phash, phash >>> 1, 42L}, colour),
                640, 480, T0, "Canon EOS R5");
    }

    /** {@code bits} bits flipped, spread over the four 16-bit bands. */
    private static long flip(long p, int... bits) {
        for (int b : bits) {
            p ^= 1L << b;
        }
        return p;
    }

    @Test
    void a_fingerprint_comes_back_as_stored_with_its_source() {
        String a = asset(1);
        repo.putFingerprint(print(a, PHASH, TestAssets.sha("x")), TestAssets.sha("p") + " hash@1", T0);
        Fingerprint back = repo.fingerprints(List.of(a)).getFirst();
        assertThat(back.hashes().phash()).isEqualTo(PHASH);
        assertThat(back.hashes().turned()).containsExactly(~PHASH, PHASH >>> 1, 42L);
        assertThat(back.hashes().colour()[0]).isEqualTo((byte) 7);
        assertThat(back.capturedAt()).isEqualTo(T0);
        assertThat(back.camera()).isEqualTo("Canon EOS R5");
        assertThat(repo.fingerprintSource(a)).contains(TestAssets.sha("p") + " hash@1");
    }

    @Test
    void the_near_lookup_finds_every_hash_within_seven_bits_and_nothing_far() {
        String query = asset(1);
        List<String> near = new ArrayList<>();
        int[][] flips = {{}, {0}, {3, 20}, {1, 2, 17, 33, 50, 63, 40}, {5, 6, 7, 8, 9, 10, 11}};
        for (int i = 0; i < flips.length; i++) {
            String id = asset(10 + i);
            repo.putFingerprint(print(id, flip(PHASH, flips[i]), TestAssets.sha(id)), TestAssets.sha("p") + " hash@1", T0);
            near.add(id);
        }
        String far = asset(30);
        repo.putFingerprint(print(far, flip(PHASH, 0, 1, 16, 17, 32, 33, 48, 49), TestAssets.sha(far)), "x hash@1", T0);
        String sameBytes = asset(31);
        repo.putFingerprint(print(sameBytes, ~PHASH, TestAssets.sha("shared")), "x hash@1", T0);

        List<String> found = repo.near(List.of(PHASH), TestAssets.sha("shared"), query, 100).stream().map(Fingerprint::assetId).toList();

        assertThat(found).containsAll(near).contains(sameBytes).doesNotContain(far, query);
    }

    @Test
    void a_decision_survives_a_later_reclassification_and_open_pairs_are_replaced_or_dropped() {
        String a = asset(1);
        String b = asset(2);
        String c = asset(3);
        repo.savePair(a, b, Verdict.RESIZED, "{}", T0);
        repo.savePair(a, c, Verdict.SIMILAR, "{}", T0);
        repo.decide(a, b, DuplicatePair.Status.DISMISSED, "lena", T0.plusSeconds(5));

        repo.savePair(a, b, Verdict.CROP, "{\"x\":1}", T0.plusSeconds(9));
        repo.savePair(a, c, Verdict.EDIT, "{\"x\":2}", T0.plusSeconds(9));

        DuplicatePair decided = repo.pair(a, b).orElseThrow();
        assertThat(decided.verdict()).isEqualTo(Verdict.RESIZED);
        assertThat(decided.status()).isEqualTo(DuplicatePair.Status.DISMISSED);
        assertThat(decided.decidedBy()).isEqualTo("lena");
        assertThat(repo.pair(a, c).orElseThrow().verdict()).isEqualTo(Verdict.EDIT);
        repo.dropOpenPair(a, b);
        repo.dropOpenPair(a, c);
        assertThat(repo.pair(a, b)).isPresent();
        assertThat(repo.pair(a, c)).isEmpty();
    }

    @Test
    void the_review_list_shows_a_pair_only_when_both_assets_are_visible() {
        String open = asset(1);
        String de = asset(2, "DE");
        String fr = asset(3, "FR");
        repo.savePair(open, de, Verdict.RESIZED, "{}", T0);
        repo.savePair(de, fr, Verdict.CROP, "{}", T0);
        repo.savePair(open, fr, Verdict.EDIT, "{}", T0);

        assertThat(pairs(repo.review(null, null, Set.of("DE"), 50, null))).containsExactly(open + "~" + de);
        assertThat(pairs(repo.review(null, null, null, 50, null))).hasSize(3);
        assertThat(pairs(repo.review(Verdict.CROP, DuplicatePair.Status.OPEN, null, 50, null))).containsExactly(de + "~" + fr);
        assertThat(repo.pairsOf(open, Set.of("FR"))).extracting(p -> p.other(open)).containsExactly(fr);
    }

    @Test
    void the_review_list_pages_with_a_cursor_and_hides_deleted_assets() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(asset(i));
        }
        for (int i = 1; i < 5; i++) {
            repo.savePair(ids.get(0), ids.get(i), Verdict.RE_ENCODE, "{}", T0);
        }
        var first = repo.review(null, DuplicatePair.Status.OPEN, null, 3, null);
        var second = repo.review(null, DuplicatePair.Status.OPEN, null, 3, first.nextCursor());
        assertThat(first.items()).hasSize(3);
        assertThat(second.items()).hasSize(1);
        assertThat(second.nextCursor()).isNull();
        assets.markDeleted(ids.get(4), T0.plusSeconds(1));
        assertThat(repo.review(null, null, null, 50, null).items()).hasSize(3);
        assertThat(repo.liveAssetIds(null, 50)).hasSize(4).isSorted();
    }

    private static List<String> pairs(DuplicateRepository.Page page) {
        return page.items().stream().map(p -> p.a() + "~" + p.b()).toList();
    }
}
