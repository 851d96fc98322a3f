package io.vitrine.auth;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Groups: what they give their members (roles, regions, a collection restriction) and who is in them.
 * Changes apply to members' next request, since {@link #effective} reads them every time. Names, roles,
 * regions and collection ids are checked here, with a precise reason for each refusal.
 */
public final class GroupService {
    private final GroupRepository groups;
    private final UserRepository users;
    private final Predicate<String> collectionExists;
    private final Supplier<String> ids;
    private final Clock clock;

    public GroupService(GroupRepository groups, UserRepository users, Predicate<String> collectionExists, Supplier<String> ids,
            Clock clock) {
        this.groups = groups;
        this.users = users;
        this.collectionExists = collectionExists;
        this.ids = ids;
        this.clock = clock;
    }

    /** A group as asked for; {@code collections} null or empty = no collection restriction. */
    public record Draft(String name, String description, List<String> roles, List<String> regions, List<String> collections) {}

    public Group create(Draft d) {
        Instant now = now();
        Group g = new Group(ids.get(), name(d.name()), description(d.description()), roles(d.roles()), regions(d.regions()),
                collections(d.collections()), now, now);
        groups.insert(g);
        return g;
    }

    public List<Group> list() {
        return groups.list();
    }

    public Optional<Group> get(String id) {
        return groups.find(id);
    }

    public List<GroupRepository.Membership> members(String id) {
        return groups.members(id);
    }

    /** A partial change: null fields keep their value; {@code clearCollections} lifts the restriction. */
    public record Change(String name, String description, List<String> roles, List<String> regions, List<String> collections,
            boolean clearCollections) {}

    public Optional<Group> update(String id, Change c) {
        return groups.find(id).map(old -> {
            Group g = new Group(id, c.name() == null ? old.name() : name(c.name()),
                    c.description() == null ? old.description() : description(c.description()),
                    c.roles() == null ? old.roles() : roles(c.roles()), c.regions() == null ? old.regions() : regions(c.regions()),
                    c.clearCollections() ? null : c.collections() == null ? old.collections() : collections(c.collections()),
                    old.createdAt(), now());
            groups.update(g);
            return g;
        });
    }

    public boolean delete(String id) {
        return groups.delete(id);
    }

    /** False when the group does not exist; a user who does not exist is refused with the reason. */
    public boolean addMember(String groupId, String userId) {
        if (groups.find(groupId).isEmpty()) {
            return false;
        }
        if (userId == null || users.find(userId).isEmpty()) {
            throw new InvalidUserException("user '" + abbreviate(userId) + "' does not exist");
        }
        groups.addMember(groupId, userId, GroupRepository.Source.ADMIN, now());
        return true;
    }

    public boolean removeMember(String groupId, String userId) {
        return groups.removeMember(groupId, userId);
    }

    /** Sets a user's own collection attribute (null or empty = none); false for an unknown user. */
    public boolean setUserCollections(String userId, List<String> collections) {
        return groups.setUserCollections(userId, collections(collections));
    }

    public List<Group> groupsOf(String userId) {
        return groups.groupsOf(userId);
    }

    /** The user's own collection attribute, or null. */
    public Set<String> userCollections(String userId) {
        return groups.grantOf(userId).map(Grant::userCollections).orElse(null);
    }

    /** The caller with her groups' roles, regions and collections added (the token's bearer; unchanged without a user). */
    public Principal effective(Principal p) {
        return groups.grantOf(p.tokenId()).map(g -> g.apply(p)).orElse(p);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static String name(String raw) {
        String n = raw == null ? "" : raw.strip();
        if (n.isEmpty() || n.length() > 255 || n.contains(",")) {
            throw new InvalidUserException("'name' must be 1 to 255 characters without commas");
        }
        return n;
    }

    private static String description(String d) {
        if (d != null && d.length() > 4000) {
            throw new InvalidUserException("'description' must be at most 4000 characters");
        }
        return d;
    }

    private static Set<String> roles(List<String> raw) {
        Set<String> out = new HashSet<>();
        for (String r : raw == null ? List.<String>of() : raw) {
            out.add(Role.byApiName(r).orElseThrow(() -> new InvalidUserException("unknown role '" + abbreviate(r) + "'")).apiName());
        }
        return out;
    }

    private static Set<String> regions(List<String> raw) {
        try {
            return Regions.parse(raw == null ? List.of() : raw);
        } catch (IllegalArgumentException e) {
            throw new InvalidUserException(e.getMessage());
        }
    }

    private Set<String> collections(List<String> raw) {
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        if (raw.size() > 200) {
            throw new InvalidUserException("'collections' may name at most 200 collections");
        }
        for (String c : raw) {
            if (c == null || !collectionExists.test(c)) {
                throw new InvalidUserException("collection '" + abbreviate(c) + "' does not exist");
            }
        }
        return Set.copyOf(raw);
    }

    private static String abbreviate(String s) {
        return s == null ? "null" : s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
