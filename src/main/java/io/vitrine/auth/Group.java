package io.vitrine.auth;

import java.time.Instant;
import java.util.Set;

/**
 * A named set of users that gives its members roles, regions and (when not null) a collection
 * restriction; see {@link Grant} for how they combine with the user's own.
 */
public record Group(String id, String name, String description, Set<String> roles, Set<String> regions,
        Set<String> collections, Instant createdAt, Instant updatedAt) {

    public Group {
        roles = Set.copyOf(roles);
        regions = Set.copyOf(regions);
        collections = collections == null ? null : Set.copyOf(collections);
    }
}
