package io.vitrine.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.vitrine.auth.Group;
import io.vitrine.auth.GroupService;
import io.vitrine.auth.InvalidUserException;
import io.vitrine.auth.Role;
import io.vitrine.auth.UserService;
import io.vitrine.collection.Collection;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The administrator's groups (`user.manage`): the list with what each gives its members, creating one,
 * and one group's roles, regions, collection restriction and members. The {@link GroupService} is the
 * API's, so are its checks; each change is audited under the API's action names.
 */
final class GroupWebRoutes {
    private final GroupService groups;
    private final UserService users;
    private final WebAccess access;
    private final Pages pages;
    /** Every collection, for the administrator's picker (she sees them all). */
    private final Function<io.vitrine.auth.Principal, List<Collection>> collections;

    GroupWebRoutes(GroupService groups, UserService users, WebAccess access, Pages pages,
            Function<io.vitrine.auth.Principal, List<Collection>> collections) {
        this.groups = groups;
        this.users = users;
        this.access = access;
        this.pages = pages;
        this.collections = collections;
    }

    void list(Context ctx, Sessions.SignedIn who) {
        renderList(ctx, who, entered(null), null);
    }

    void create(Context ctx, Sessions.SignedIn who) {
        try {
            Group g = groups.create(new GroupService.Draft(text(ctx, "name"), text(ctx, "description"), ctx.formParams("role"),
                    words(ctx, "regions"), restriction(ctx)));
            access.record(who, "group.create", g.id(), Map.of("via", "web", "name", g.name()));
            ctx.redirect("/admin/groups/" + g.id(), HttpStatus.SEE_OTHER);
        } catch (InvalidUserException e) {
            ctx.status(refused(ctx));
            renderList(ctx, who, typed(ctx), e.getMessage());
        }
    }

    void detail(Context ctx, Sessions.SignedIn who) {
        Group g = find(ctx);
        renderDetail(ctx, who, g, entered(g), null, null);
    }

    /** No collection ticked lifts the restriction; regions and roles are replaced by what the form holds. */
    void update(Context ctx, Sessions.SignedIn who) {
        Group g = find(ctx);
        try {
            List<String> collections = restriction(ctx);
            Group changed = groups.update(g.id(), new GroupService.Change(text(ctx, "name"), text(ctx, "description"),
                    ctx.formParams("role"), words(ctx, "regions"), collections, collections == null)).orElseThrow(() -> notFound(g.id()));
            access.record(who, "group.update", g.id(), Map.of("via", "web"));
            renderDetail(ctx, who, changed, entered(changed), null, "Saved. Members get the change with their next request.");
        } catch (InvalidUserException e) {
            ctx.status(refused(ctx));
            renderDetail(ctx, who, g, typed(ctx), e.getMessage(), null);
        }
    }

    void delete(Context ctx, Sessions.SignedIn who) {
        Group g = find(ctx);
        groups.delete(g.id());
        access.record(who, "group.delete", g.id(), Map.of("via", "web"));
        ctx.redirect("/admin/groups", HttpStatus.SEE_OTHER);
    }

    void addMember(Context ctx, Sessions.SignedIn who) {
        Group g = find(ctx);
        String user = text(ctx, "user");
        try {
            groups.addMember(g.id(), user == null ? "" : user);
            access.record(who, "group.member.add", g.id(), Map.of("via", "web", "user", user));
            renderDetail(ctx, who, g, entered(g), null, "Member added.");
        } catch (InvalidUserException e) {
            ctx.status(refused(ctx));
            renderDetail(ctx, who, g, entered(g), e.getMessage(), null);
        }
    }

    void removeMember(Context ctx, Sessions.SignedIn who) {
        Group g = find(ctx);
        String user = ctx.pathParam("userId");
        if (!groups.removeMember(g.id(), user)) {
            pages.error(ctx, 404, "Not a member", "That user is not a member of this group.");
            return;
        }
        access.record(who, "group.member.remove", g.id(), Map.of("via", "web", "user", user));
        renderDetail(ctx, who, g, entered(g), null, "Member removed.");
    }

    private Group find(Context ctx) {
        return groups.get(ctx.pathParam("id")).orElseThrow(() -> notFound(ctx.pathParam("id")));
    }

    private static Pages.Missing notFound(String id) {
        return new Pages.Missing("Group not found", "No group '" + (id.length() > 40 ? id.substring(0, 40) + "…" : id)
                + "': it may have been deleted.");
    }

    /** The API's 400 for a plain form post; 200 for htmx, which swaps only successful answers. */
    private static int refused(Context ctx) {
        return ctx.header("HX-Request") != null ? 200 : 400;
    }

    private void renderList(Context ctx, Sessions.SignedIn who, Entered form, String error) {
        List<Collection> all = collections.apply(who.principal());
        Map<String, String> names = names(all);
        List<GroupPages.Row> rows = groups.list().stream().map(g -> row(g, names)).toList();
        pages.render(ctx, "groups", new GroupPages.ListPage(Chrome.of("Groups", who), rows, form.shown(all), error));
    }

    private void renderDetail(Context ctx, Sessions.SignedIn who, Group g, Entered form, String error, String notice) {
        List<GroupPages.Member> members = groups.members(g.id()).stream().map(m -> new GroupPages.Member(m.userId(), m.name(),
                m.source().name().toLowerCase(Locale.ROOT), m.addedAt().toString().substring(0, 10))).toList();
        Set<String> in = members.stream().map(GroupPages.Member::userId).collect(Collectors.toSet());
        List<GroupPages.Option> addable = users.list().stream().filter(u -> u.revokedAt() == null && !in.contains(u.id()))
                .map(u -> new GroupPages.Option(u.id(), u.name() + " (" + String.join(", ", sorted(u.roles())) + ")")).toList();
        List<Collection> all = collections.apply(who.principal());
        pages.render(ctx, "group", new GroupPages.DetailPage(Chrome.of(g.name(), who), row(g, names(all)), form.shown(all), members,
                addable, error, notice));
    }

    private GroupPages.Row row(Group g, Map<String, String> names) {
        return new GroupPages.Row(g.id(), g.name(), g.description(), sorted(g.roles()), sorted(g.regions()),
                g.collections() == null ? null : g.collections().stream().map(id -> names.getOrDefault(id, id)).sorted().toList(),
                groups.members(g.id()).size());
    }

    private static Map<String, String> names(List<Collection> all) {
        return all.stream().collect(Collectors.toMap(Collection::id, Collection::name, (a, b) -> a));
    }

    /** What the form holds (the group as stored, or as typed); shown against the collections read once per page. */
    private record Entered(String name, String description, List<GroupPages.RoleChoice> roles, String regions, Set<String> chosen) {
        /** Every collection by name, ticked when chosen; a chosen id that names none (deleted since) stays, ticked, to be untied. */
        GroupPages.Form shown(List<Collection> all) {
            List<GroupPages.CollectionChoice> choices = new java.util.ArrayList<>();
            Set<String> known = new java.util.HashSet<>();
            for (Collection c : all) {
                known.add(c.id());
                choices.add(new GroupPages.CollectionChoice(c.id(), c.name(), chosen.contains(c.id())));
            }
            choices.sort(java.util.Comparator.comparing(GroupPages.CollectionChoice::name, String.CASE_INSENSITIVE_ORDER));
            chosen.stream().filter(id -> !known.contains(id)).sorted()
                    .forEach(id -> choices.add(new GroupPages.CollectionChoice(id, "unknown collection " + id, true)));
            return new GroupPages.Form(name, description, roles, regions, choices);
        }
    }

    private static Entered entered(Group g) {
        Set<String> roles = g == null ? Set.of() : g.roles();
        return new Entered(g == null ? "" : g.name(), g == null || g.description() == null ? "" : g.description(),
                Arrays.stream(Role.values()).map(r -> new GroupPages.RoleChoice(r.apiName(), roles.contains(r.apiName()))).toList(),
                g == null ? "" : String.join(", ", sorted(g.regions())),
                g == null || g.collections() == null ? Set.of() : g.collections());
    }

    private static Entered typed(Context ctx) {
        List<String> roles = ctx.formParams("role");
        return new Entered(orEmpty(text(ctx, "name")), orEmpty(text(ctx, "description")),
                Arrays.stream(Role.values()).map(r -> new GroupPages.RoleChoice(r.apiName(), roles.contains(r.apiName()))).toList(),
                orEmpty(ctx.formParam("regions")), Set.copyOf(ctx.formParams("collection")));
    }

    private static String text(Context ctx, String name) {
        String v = ctx.formParam(name);
        return v == null ? null : v.strip();
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    /** Comma- or space-separated words ("DE, FR"); regions are upper-cased as the API expects them. */
    private static List<String> words(Context ctx, String name) {
        String v = ctx.formParam(name);
        if (v == null || v.isBlank()) {
            return List.of();
        }
        return Arrays.stream(v.split("[,\\s]+")).filter(s -> !s.isEmpty()).map(s -> s.toUpperCase(Locale.ROOT)).distinct().toList();
    }

    /** The collection ids members are limited to; null (no restriction) when none is ticked. */
    private static List<String> restriction(Context ctx) {
        List<String> ticked = ctx.formParams("collection").stream().map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
        return ticked.isEmpty() ? null : ticked;
    }

    private static List<String> sorted(Set<String> s) {
        return s.stream().sorted().toList();
    }

}
