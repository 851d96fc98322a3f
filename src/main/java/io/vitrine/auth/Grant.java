package io.vitrine.auth;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a user holds beyond her token: her own collection attribute and her groups' roles, regions and
 * collections. The combination rule ({@link #apply}): roles and regions are unions (a group only ever
 * adds); collections are a restriction, so they combine as the union of the lists that exist — she is
 * unrestricted only when neither she nor any of her groups carries the attribute. (Absent = unrestricted
 * cannot take part in a union without erasing every group's restriction, so an agency group limited to
 * one brand's collections keeps its members there.)
 */
public record Grant(Set<String> userCollections, List<Group> groups) {

    public Grant {
        userCollections = userCollections == null ? null : Set.copyOf(userCollections);
        groups = List.copyOf(groups);
    }

    public Principal apply(Principal p) {
        Set<String> roles = new HashSet<>(p.roles());
        Set<String> regions = new HashSet<>(p.regions());
        Set<String> collections = userCollections == null ? null : new HashSet<>(userCollections);
        for (Group g : groups) {
            roles.addAll(g.roles());
            regions.addAll(g.regions());
            if (g.collections() != null) {
                collections = collections == null ? new HashSet<>() : collections;
                collections.addAll(g.collections());
            }
        }
        return new Principal(p.tokenId(), p.name(), Set.copyOf(roles), Set.copyOf(regions), collections);
    }
}
