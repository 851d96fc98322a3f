package io.vitrine.collection;

import io.vitrine.common.Hashes;
import io.vitrine.rights.Use;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.function.Supplier;

/**
 * Share links on collections. The token is shown once and stored as its SHA-256; each link states
 * the use (channel, region) its viewers make of the assets, so licences are checked for exactly
 * that use at every view and download. A password, when set, is tried at most
 * {@value #MAX_WRONG_PASSWORDS} times wrong before the link locks.
 */
public final class ShareLinkService {
    public static final Duration MAX_LIFETIME = Duration.ofDays(90);
    public static final Duration DEFAULT_LIFETIME = Duration.ofDays(7);
    static final int MAX_WRONG_PASSWORDS = 10;

    private final CollectionRepository repo;
    private final CollectionService collections;
    private final Supplier<String> ids;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public ShareLinkService(CollectionRepository repo, CollectionService collections, Supplier<String> ids, Clock clock) {
        this.repo = repo;
        this.collections = collections;
        this.ids = ids;
        this.clock = clock;
    }

    public record NewLink(Use use, Duration expiresIn, String password, boolean download) {}

    public record Created(ShareLink link, String token) {}

    public Created create(Caller who, String collectionId, NewLink r) {
        collections.require(who, collectionId, CollectionService.Right.EDIT);
        Duration life = r.expiresIn() == null ? DEFAULT_LIFETIME : r.expiresIn();
        if (life.isNegative() || life.isZero() || life.compareTo(MAX_LIFETIME) > 0) {
            throw CollectionException.invalid("'expiresIn' must be 1 to " + MAX_LIFETIME.toSeconds() + " seconds");
        }
        if (!who.admin() && !who.principal().regions().contains(r.use().region())) {
            throw new CollectionException(CollectionException.Kind.FORBIDDEN, "you may share into your own markets only ("
                    + String.join(", ", new java.util.TreeSet<>(who.principal().regions())) + "), not " + r.use().region());
        }
        if (r.password() != null && (r.password().length() < 8 || r.password().length() > 256)) {
            throw CollectionException.invalid("'password' must be 8 to 256 characters");
        }
        String token = newToken();
        Instant now = clock.instant();
        ShareLink link = new ShareLink(ids.get(), collectionId, Hashes.sha256Hex(token), r.use(), r.download(),
                r.password() == null ? null : Passwords.hash(r.password()), now.plus(life), who.id(), now, null, 0, null, 0);
        repo.insertLink(link);
        return new Created(link, token);
    }

    public List<ShareLink> list(Caller who, String collectionId) {
        collections.require(who, collectionId, CollectionService.Right.EDIT);
        return repo.links(collectionId);
    }

    public ShareLink revoke(Caller who, String linkId) {
        ShareLink link = repo.link(linkId).orElseThrow(() -> new CollectionException(CollectionException.Kind.NOT_FOUND,
                "share link " + linkId + " does not exist"));
        try {
            collections.require(who, link.collectionId(), CollectionService.Right.EDIT);
        } catch (CollectionException e) {
            throw new CollectionException(CollectionException.Kind.NOT_FOUND, "share link " + linkId + " does not exist");
        }
        repo.revokeLink(linkId, clock.instant());
        return link;
    }

    /** The active link a token opens: unknown → not found; expired or revoked → gone; too many wrong passwords → locked. */
    public ShareLink open(String token) {
        if (token == null || token.length() > 100) {
            throw new CollectionException(CollectionException.Kind.NOT_FOUND, "this share link does not exist");
        }
        ShareLink link = repo.linkByTokenHash(Hashes.sha256Hex(token))
                .orElseThrow(() -> new CollectionException(CollectionException.Kind.NOT_FOUND, "this share link does not exist"));
        if (!link.activeAt(clock.instant())) {
            throw new CollectionException(CollectionException.Kind.GONE, link.revokedAt() != null
                    ? "this share link was withdrawn" : "this share link expired on " + link.expiresAt());
        }
        if (link.failedPasswords() >= MAX_WRONG_PASSWORDS) {
            throw new CollectionException(CollectionException.Kind.LOCKED,
                    "this share link is locked after too many wrong passwords; ask the person who sent it for a new one");
        }
        return link;
    }

    /** Checks a password; true also when the link has none. */
    public boolean unlock(ShareLink link, String password) {
        if (!link.passwordProtected()) {
            return true;
        }
        boolean right = password != null && password.length() <= 256 && Passwords.matches(password, link.passwordHash());
        repo.notePassword(link.id(), right);
        return right;
    }

    /** A value for a cookie proving the password was given; it dies with the link or a new password. */
    public String accessKey(ShareLink link) {
        return Hashes.sha256Hex(link.id() + "\n" + link.passwordHash());
    }

    public boolean unlockedBy(ShareLink link, String cookie) {
        return !link.passwordProtected() || (cookie != null
                && MessageDigest.isEqual(accessKey(link).getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                        cookie.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
    }

    public String collectionName(ShareLink link) {
        return repo.find(link.collectionId()).map(Collection::name).orElse("");
    }

    public List<String> assetIds(ShareLink link) {
        return repo.assetIds(link.collectionId());
    }

    public void noteUse(ShareLink link) {
        repo.noteUse(link.id(), clock.instant());
    }

    private String newToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return "sl_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
