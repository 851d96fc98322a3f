package io.vitrine.auth;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns an identity provider's claims into Vitrine roles and regions. {@code rolesClaim} and
 * {@code regionsClaim} are claim names, dotted for nested objects ({@code realm_access.roles} in
 * Keycloak); a claim may be a JSON array or a space- or comma-separated string. A value becomes a role
 * through {@code roleMap} (a group name or id → a Vitrine role) or by being a role name itself;
 * {@code defaultRole} (may be null) is given when nothing maps. Unknown region codes are dropped, which
 * can only narrow what she sees. {@code groupsClaim} (null = off) names Vitrine groups (by name or id) she
 * belongs to; those memberships are replaced at every sign-in, while groups an administrator put her in stay.
 */
public record ClaimMapping(String rolesClaim, String regionsClaim, Map<String, String> roleMap, String defaultRole,
        String groupsClaim) {

    /** Without group mapping. */
    public ClaimMapping(String rolesClaim, String regionsClaim, Map<String, String> roleMap, String defaultRole) {
        this(rolesClaim, regionsClaim, roleMap, defaultRole, null);
    }

    public ClaimMapping {
        roleMap = Map.copyOf(roleMap);
        for (String role : roleMap.values()) {
            requireRole(role);
        }
        if (defaultRole != null) {
            requireRole(defaultRole);
        }
    }

    private static void requireRole(String role) {
        if (Role.byApiName(role).isEmpty()) {
            throw new IllegalArgumentException("'" + role + "' is not a Vitrine role");
        }
    }

    /** The roles the claims give; empty means she may not sign in. */
    public Set<String> roles(Map<String, Object> claims) {
        Set<String> out = new TreeSet<>();
        for (String value : values(claims, rolesClaim)) {
            String mapped = roleMap.get(value);
            if (mapped != null) {
                out.add(mapped);
            } else if (Role.byApiName(value).isPresent()) {
                out.add(value);
            }
        }
        if (out.isEmpty() && defaultRole != null) {
            out.add(defaultRole);
        }
        return Set.copyOf(out);
    }

    /** Values of {@code groupsClaim} (names or ids of Vitrine groups); empty when no groups claim is configured. */
    public Set<String> groups(Map<String, Object> claims) {
        return groupsClaim == null ? Set.of() : Set.copyOf(values(claims, groupsClaim));
    }

    public Set<String> regions(Map<String, Object> claims) {
        Set<String> out = new TreeSet<>();
        for (String value : values(claims, regionsClaim)) {
            String code = value.toUpperCase(Locale.ROOT);
            if (Regions.valid(code)) {
                out.add(code);
            }
        }
        return Set.copyOf(out);
    }

    static List<String> values(Map<String, Object> claims, String path) {
        Object node = claims;
        for (String part : path.split("\\.")) {
            node = node instanceof Map<?, ?> m ? m.get(part) : null;
        }
        List<String> out = new ArrayList<>();
        if (node instanceof Collection<?> list) {
            list.stream().filter(v -> v != null).forEach(v -> out.add(v.toString().strip()));
        } else if (node instanceof String s) {
            for (String v : s.split("[,\\s]+")) {
                out.add(v);
            }
        }
        out.removeIf(String::isEmpty);
        return out;
    }
}
