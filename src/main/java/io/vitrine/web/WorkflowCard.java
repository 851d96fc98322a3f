package io.vitrine.web;

import java.util.List;

/**
 * The asset page's approval card: state, tier, the current round's tasks, recent history, and the
 * moves this person may make now ({@code moves}: API state names with a button label).
 */
public record WorkflowCard(String assetId, String csrf, String state, Integer tier, List<TaskRow> tasks, List<String> history,
        List<Move> moves, boolean hasTaskForMe, String message) {

    public record TaskRow(String role, String state, String due, String decidedBy, String comment) {}

    public record Move(String to, String label) {}
}
