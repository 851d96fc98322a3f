package io.vitrine.auth;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Groups and their members. Contract: names are unique ({@link #insert} and {@link #update} throw
 * {@link NameTakenException} on a taken name); deleting a group or a user removes the memberships;
 * {@link #grantOf} is read on every request, so a change applies to the next request of every member.
 */
public interface GroupRepository {

    /** Where a membership came from: an administrator, or the provider's groups claim (replaced at each sign-in). */
    enum Source { ADMIN, OIDC }

    record Membership(String userId, String name, Source source, Instant addedAt) {}

    void insert(Group g);

    Optional<Group> find(String id);

    /** By name, oldest first. */
    List<Group> list();

    void update(Group g);

    boolean delete(String id);

    /** Adds or keeps a membership; an existing one takes {@code source} only if it came from the provider. */
    void addMember(String groupId, String userId, Source source, Instant at);

    boolean removeMember(String groupId, String userId);

    List<Membership> members(String groupId);

    /** The groups of a user, by name. */
    List<Group> groupsOf(String userId);

    /** Replaces the user's provider-given memberships with these groups (by name or id; unknown ones are ignored). */
    void syncProviderGroups(String userId, Set<String> groupNamesOrIds, Instant at);

    /** The user's own collection attribute and groups, for the user behind a token id (or a user id); empty for none. */
    Optional<Grant> grantOf(String tokenOrUserId);

    /** Sets the user's own collection attribute (null = none); false for an unknown user. */
    boolean setUserCollections(String userId, Set<String> collections);
}
