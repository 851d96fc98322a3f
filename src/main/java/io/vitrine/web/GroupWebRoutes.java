package io.vitrine.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.vitrine.auth.Group;
import io.vitrine.auth.GroupService;
import io.vitrine.auth.InvalidUserException;
import io.vitrine.auth.Role;
import io.vitrine.auth.UserService;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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

    GroupWebRoutes(GroupService groups, UserService users, WebAccess access, Pages pages) {
        this.groups = groups;
        this.users = users;
        this.access = access;
        this.pages = pages;
    }

    void list(Context ctx, Sessions.SignedIn who) {
        renderList(ctx, who, form(null), null);
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
        renderDetail(ctx, who, g, form(g), null, null);
    }

    /** An empty collections field lifts the restriction; regions and roles are replaced by what the form holds. */
    void update(Context ctx, Sessions.SignedIn who) {
        Group g = find(ctx);
        try {
            List<String> collections = restriction(ctx);
            Group changed = groups.update(g.id(), new GroupService.Change(text(ctx, "name"), text(ctx, "description"),
                    ctx.formParams("role"), words(ctx, "regions"), collections, collections == null)).orElseThrow(() -> notFound(g.id()));
            access.record(who, "group.update", g.id(), Map.of("via", "web"));
            renderDetail(ctx, who, changed, form(changed), null, "Saved. Members get the change with their next request.");
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
            renderDetail(ctx, who, g, form(g), null, "Member added.");
        } catch (InvalidUserException e) {
            ctx.status(refused(ctx));
            renderDetail(ctx, who, g, form(g), e.getMessage(), null);
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
        renderDetail(ctx, who, g, form(g), null, "Member removed.");
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

    private void renderList(Context ctx, Sessions.SignedIn who, GroupPages.Form form, String error) {
        List<GroupPages.Row> rows = groups.list().stream().map(this::row).toList();
        pages.render(ctx, "groups", new GroupPages.ListPage(Chrome.of("Groups", who), rows, form, error));
    }

    private void renderDetail(Context ctx, Sessions.SignedIn who, Group g, GroupPages.Form form, String error, String notice) {
        List<GroupPages.Member> members = groups.members(g.id()).stream().map(m -> new GroupPages.Member(m.userId(), m.name(),
                m.source().name().toLowerCase(Locale.ROOT), m.addedAt().toString().substring(0, 10))).toList();
        Set<String> in = members.stream().map(GroupPages.Member::userId).collect(Collectors.toSet());
        List<GroupPages.Option> addable = users.list().stream().filter(u -> u.revokedAt() == null && !in.contains(u.id()))
                .map(u -> new GroupPages.Option(u.id(), u.name() + " (" + String.join(", ", sorted(u.roles())) + ")")).toList();
        pages.render(ctx, "group", new GroupPages.DetailPage(Chrome.of(g.name(), who), row(g), form, members, addable, error, notice));
    }

    private GroupPages.Row row(Group g) {
        return new GroupPages.Row(g.id(), g.name(), g.description(), sorted(g.roles()), sorted(g.regions()),
                g.collections() == null ? null : sorted(g.collections()), groups.members(g.id()).size());
    }

    private static GroupPages.Form form(Group g) {
        Set<String> roles = g == null ? Set.of() : g.roles();
        return new GroupPages.Form(g == null ? "" : g.name(), g == null || g.description() == null ? "" : g.description(),
                Arrays.stream(Role.values()).map(r -> new GroupPages.RoleChoice(r.apiName(), roles.contains(r.apiName()))).toList(),
                g == null ? "" : String.join(", ", sorted(g.regions())),
                g == null || g.collections() == null ? "" : String.join(", ", sorted(g.collections())));
    }

    private static GroupPages.Form typed(Context ctx) {
        List<String> roles = ctx.formParams("role");
        return new GroupPages.Form(orEmpty(text(ctx, "name")), orEmpty(text(ctx, "description")),
                Arrays.stream(Role.values()).map(r -> new GroupPages.RoleChoice(r.apiName(), roles.contains(r.apiName()))).toList(),
                orEmpty(ctx.formParam("regions")), orEmpty(ctx.formParam("collections")));
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

    /** The collection ids members are limited to; null (no restriction) when the field is empty. */
    private static List<String> restriction(Context ctx) {
        String v = ctx.formParam("collections");
        if (v == null || v.isBlank()) {
            return null;
        }
        return Arrays.stream(v.split("[,\\s]+")).filter(s -> !s.isEmpty()).distinct().toList();
    }

    private static List<String> sorted(Set<String> s) {
        return s.stream().sorted().toList();
    }

}
