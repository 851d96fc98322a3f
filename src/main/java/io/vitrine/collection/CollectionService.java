package io.vitrine.collection;

import io.vitrine.auth.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Collections (lightboxes). A collection is seen by its owner, the colleagues it is shared with and
 * administrators, and by nobody else: to them it answers like one that does not exist. Inside it,
 * each person still sees only the assets her regions allow.
 */
public final class CollectionService {
    public static final int MAX_ASSETS_PER_REQUEST = 1000;

    private final CollectionRepository repo;
    private final Supplier<String> ids;
    private final Clock clock;
    private final Reindex reindex;
    private final io.vitrine.db.Transactions tx;
    private io.vitrine.events.Events events = io.vitrine.events.Events.none();

    /**
     * Queues the re-indexing of assets whose collections changed (an Index job each, joining the open
     * transaction), so searches of people limited to collections follow membership.
     */
    @FunctionalInterface
    public interface Reindex {
        void assets(java.util.Collection<String> assetIds, Instant at);
    }

    public CollectionService(CollectionRepository repo, Supplier<String> ids, Clock clock) {
        this(repo, ids, clock, (assets, at) -> {}, new io.vitrine.db.Transactions() {
            @Override
            public <T> T inTransaction(Supplier<T> work) {
                return work.get();
            }
        });
    }

    public CollectionService(CollectionRepository repo, Supplier<String> ids, Clock clock, Reindex reindex, io.vitrine.db.Transactions tx) {
        this.repo = repo;
        this.ids = ids;
        this.clock = clock;
        this.reindex = reindex;
        this.tx = tx;
    }

    /**
     * Records {@code asset.collection.added} / {@code asset.collection.removed} (subject: the asset,
     * {@code data.collection}: the collection) with each membership change, deleting a collection
     * included, so open collection pages
     * and webhooks follow; heard only by those who may see the asset.
     */
    public CollectionService useEvents(io.vitrine.events.Events events) {
        this.events = events;
        return this;
    }

    /** What a caller may do with a collection she can see. */
    public enum Right { VIEW, EDIT, OWN }

    public record View(Collection collection, Right right, List<String> assetIds, List<Member> members) {}

    public Caller caller(Principal p) {
        return new Caller(repo.userOfToken(p.tokenId()).orElse(p.tokenId()), p);
    }

    /** Ids of the collections an asset is in (for the collection rule of access, and the index). */
    public java.util.Set<String> collectionsOf(String assetId) {
        return repo.collectionsWith(assetId);
    }

    public Collection create(Caller who, String name, String description) {
        Instant now = clock.instant();
        Collection c = new Collection(ids.get(), validName(name), validDescription(description), who.id(), now, now, 0);
        repo.insert(c);
        return c;
    }

    public List<Collection> list(Caller who) {
        return repo.listFor(who.id(), who.admin());
    }

    /** The caller's collections split by whether they hold the asset, and which of the others she may add it to. */
    /** The caller's collections holding the asset, those she may take it out of, and those she may put it in. */
    public record Placement(List<Collection> holding, List<Collection> removable, List<Collection> addable) {}

    public Placement placement(Caller who, String assetId) {
        java.util.Set<String> with = repo.collectionsWith(assetId);
        List<Collection> mine = list(who);
        List<Collection> holding = mine.stream().filter(c -> with.contains(c.id())).toList();
        return new Placement(holding, holding.stream().filter(c -> rightOf(who, c.id()).compareTo(Right.EDIT) >= 0).toList(),
                mine.stream().filter(c -> !with.contains(c.id()) && rightOf(who, c.id()).compareTo(Right.EDIT) >= 0).toList());
    }

    /** The collection with the assets {@code visible} lets through. */
    public View get(Caller who, String id, Predicate<String> visible) {
        Right right = rightOf(who, id);
        List<String> assets = repo.assetIds(id).stream().filter(visible).toList();
        return new View(repo.find(id).orElseThrow(), right, assets, repo.members(id));
    }

    public void update(Caller who, String id, String name, String description) {
        require(who, id, Right.EDIT);
        Collection c = repo.find(id).orElseThrow();
        repo.update(id, name == null ? c.name() : validName(name), description == null ? c.description() : validDescription(description),
                clock.instant());
    }

    public void delete(Caller who, String id) {
        require(who, id, Right.OWN);
        tx.run(() -> {
            List<String> members = repo.assetIds(id);
            repo.delete(id);
            reindex.assets(members, clock.instant());
            // its assets left it too: an open page of it hears so and finds it gone
            members.forEach(a -> events.record(io.vitrine.events.Events.ASSET_COLLECTION_REMOVED, a, java.util.Map.of("collection", id)));
        });
    }

    /** Adds assets the caller can see; any other id stops the request before anything changes. */
    public int addAssets(Caller who, String id, List<String> assetIds, Predicate<String> visible) {
        require(who, id, Right.EDIT);
        if (assetIds == null || assetIds.isEmpty() || assetIds.size() > MAX_ASSETS_PER_REQUEST) {
            throw CollectionException.invalid("'assetIds' must list 1 to " + MAX_ASSETS_PER_REQUEST + " asset ids");
        }
        for (String a : assetIds) {
            if (a == null || !visible.test(a)) {
                throw new CollectionException(CollectionException.Kind.INVALID, "asset " + a + " does not exist");
            }
        }
        List<String> distinct = assetIds.stream().distinct().toList();
        return tx.inTransaction(() -> {
            List<String> added = repo.addAssets(id, distinct, who.id(), clock.instant());
            if (!added.isEmpty()) {
                reindex.assets(distinct, clock.instant());
            }
            added.forEach(a -> events.record(io.vitrine.events.Events.ASSET_COLLECTION_ADDED, a, java.util.Map.of("collection", id)));
            return added.size();
        });
    }

    public void removeAsset(Caller who, String id, String assetId) {
        require(who, id, Right.EDIT);
        boolean removed = tx.inTransaction(() -> {
            boolean gone = repo.removeAsset(id, assetId);
            if (gone) {
                reindex.assets(List.of(assetId), clock.instant());
                events.record(io.vitrine.events.Events.ASSET_COLLECTION_REMOVED, assetId, java.util.Map.of("collection", id));
            }
            return gone;
        });
        if (!removed) {
            throw new CollectionException(CollectionException.Kind.NOT_FOUND, "asset " + assetId + " is not in collection " + id);
        }
    }

    public void share(Caller who, String id, String userId, String access) {
        require(who, id, Right.OWN);
        Member.Access a = Member.Access.byApiName(access == null ? "" : access)
                .orElseThrow(() -> CollectionException.invalid("'access' must be view or edit"));
        if (userId == null || !repo.userExists(userId)) {
            throw CollectionException.invalid("user " + userId + " does not exist");
        }
        repo.putMember(id, new Member(userId, a, clock.instant()));
    }

    public void unshare(Caller who, String id, String userId) {
        require(who, id, Right.OWN);
        if (!repo.removeMember(id, userId)) {
            throw new CollectionException(CollectionException.Kind.NOT_FOUND, "collection " + id + " is not shared with user " + userId);
        }
    }

    /** Throws unless the caller has at least {@code needed}; a collection she cannot see is a 404. */
    Right require(Caller who, String id, Right needed) {
        Right r = rightOf(who, id);
        if (r.compareTo(needed) < 0) {
            throw new CollectionException(CollectionException.Kind.FORBIDDEN, needed == Right.OWN
                    ? "only the owner of collection " + id + " or an administrator may do this"
                    : "collection " + id + " is shared with you to view only");
        }
        return r;
    }

    private Right rightOf(Caller who, String id) {
        Collection c = repo.find(id).orElseThrow(() -> CollectionException.notFound(id));
        if (c.ownerId().equals(who.id()) || who.admin()) {
            return Right.OWN;
        }
        Optional<Member.Access> a = repo.accessOf(id, who.id());
        return a.map(x -> x == Member.Access.EDIT ? Right.EDIT : Right.VIEW).orElseThrow(() -> CollectionException.notFound(id));
    }

    private static String validName(String name) {
        if (name == null || name.isBlank() || name.length() > 255) {
            throw CollectionException.invalid("'name' must be 1 to 255 characters");
        }
        return name.strip();
    }

    private static String validDescription(String d) {
        if (d != null && d.length() > 4000) {
            throw CollectionException.invalid("'description' must be at most 4000 characters");
        }
        return d;
    }
}
