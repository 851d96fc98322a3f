package io.vitrine.web;

import java.util.List;

/** View models of the administrator's group pages. */
public final class GroupPages {
    private GroupPages() {}

    /** {@code collections} (their names) null: the group does not limit its members to collections. */
    public record Row(String id, String name, String description, List<String> roles, List<String> regions, List<String> collections,
            int members) {}

    /** A role as a checkbox of the group form. */
    public record RoleChoice(String name, boolean checked) {}

    /** A collection as a checkbox of the group form; one the group names that no longer exists shows its id. */
    public record CollectionChoice(String id, String name, boolean checked) {}

    /** What the form shows: the group as stored, or as typed when the service refused it. */
    public record Form(String name, String description, List<RoleChoice> roles, String regions, List<CollectionChoice> collections) {}

    public record Member(String userId, String name, String source, String addedAt) {}

    public record Option(String id, String label) {}

    public record ListPage(Chrome chrome, List<Row> groups, Form form, String error) {}

    public record DetailPage(Chrome chrome, Row group, Form form, List<Member> members, List<Option> addable, String error,
            String notice) {}
}
