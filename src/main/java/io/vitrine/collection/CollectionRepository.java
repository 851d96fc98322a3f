package io.vitrine.collection;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Collections, their assets and members, and share links. Sets of ids are de-duplicated by the store. */
public interface CollectionRepository {

    void insert(Collection c);

    Optional<Collection> find(String id);

    /** Collections the principal owns or is a member of (all of them when {@code everything}), newest first. */
    List<Collection> listFor(String ownerId, boolean everything);

    void update(String id, String name, String description, Instant at);

    void delete(String id);

    /** Adds those not yet present; returns those it added, in the order given. */
    List<String> addAssets(String collectionId, List<String> assetIds, String by, Instant at);

    boolean removeAsset(String collectionId, String assetId);

    /** Ids of the collections an asset is in. */
    java.util.Set<String> collectionsWith(String assetId);

    /** Member assets in the order they were added, soft-deleted ones left out. */
    List<String> assetIds(String collectionId);

    List<Member> members(String collectionId);

    Optional<Member.Access> accessOf(String collectionId, String userId);

    void putMember(String collectionId, Member m);

    boolean removeMember(String collectionId, String userId);

    /** The user behind an API token, or empty for a token without one (the bootstrap administrator). */
    Optional<String> userOfToken(String tokenId);

    boolean userExists(String userId);

    void insertLink(ShareLink link);

    Optional<ShareLink> linkByTokenHash(String tokenHash);

    Optional<ShareLink> link(String id);

    List<ShareLink> links(String collectionId);

    void revokeLink(String id, Instant at);

    void noteUse(String linkId, Instant at);

    /** Counts a wrong password; a right one resets the count. */
    void notePassword(String linkId, boolean right);

}
