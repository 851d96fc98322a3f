package io.vitrine.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vitrine.auth.Permission;
import io.vitrine.auth.Role;
import io.vitrine.rights.Channel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Picks a submission's tier (the highest tier among the rules that match, at least 1) and says who
 * must approve it and by when. The approvers of a tier are roles: tier 1 one reviewer; tier 2 a
 * reviewer and the brand team, which is the {@code librarian} role (librarians curate the brand's
 * library); tier 3 legal and compliance. Each needs its own approval.
 */
public final class Tiering {
    public static final Map<Integer, List<String>> DEFAULT_APPROVERS = Map.of(
            1, List.of("reviewer"), 2, List.of("reviewer", "librarian"), 3, List.of("legal", "compliance"));

    /** Built in: riskier assets and channels go up a tier; anything AI-made or risk-flagged to legal. */
    public static final List<TierRule> DEFAULT_RULES = List.of(
            new TierRule("baseline", 1, "every asset gets one reviewer", null, null, null, null),
            new TierRule("moving-image-and-sound", 2, "video and audio are campaign productions: brand review",
                    List.of("video/", "audio/"), null, null, null),
            new TierRule("paid-channels", 2, "print, out-of-home and broadcast are costly to recall: brand review",
                    null, null, null, List.of("print", "ooh", "broadcast")),
            new TierRule("ai-generated", 3, "generative AI (declared in the file or by a person): legal and compliance",
                    null, true, null, null),
            new TierRule("risk-flagged", 3, "any raised risk flag: legal and compliance", null, null, List.of(TierRule.ANY_FLAG), null));

    private final List<TierRule> rules;
    private final Map<Integer, List<String>> approvers;
    private final Map<Integer, Duration> sla;

    /** The tier, the names of the rules that matched, and why the asset counted as AI-made (or null). */
    public record Decision(int tier, List<String> rules, String aiSource) {}

    public Tiering(List<TierRule> rules, Map<Integer, List<String>> approvers, Map<Integer, Duration> sla) {
        rules.forEach(Tiering::validate);
        for (int t = 1; t <= 3; t++) {
            validateApprovers(t, approvers.get(t));
            Duration d = sla.get(t);
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("the review time of tier " + t + " must be a positive duration");
            }
        }
        this.rules = List.copyOf(rules);
        this.approvers = Map.copyOf(approvers);
        this.sla = Map.copyOf(sla);
    }

    public Decision decide(ReviewInputs in) {
        int tier = 1;
        List<String> matched = new ArrayList<>();
        for (TierRule r : rules) {
            if (r.matches(in)) {
                matched.add(r.name());
                tier = Math.max(tier, r.tier());
            }
        }
        return new Decision(tier, matched, in.aiSource());
    }

    public List<TierRule> rules() {
        return rules;
    }

    public List<String> approvers(int tier) {
        return approvers.get(tier);
    }

    public Duration sla(int tier) {
        return sla.get(tier);
    }

    /**
     * Rules (and optionally approvers) from a JSON file: {@code {"rules":[{"name":…,"tier":…,…}],
     * "approvers":{"1":["reviewer"],…}}}; a rule file replaces the built-in rules entirely.
     */
    public static Tiering load(Path file, ObjectMapper json, Map<Integer, Duration> sla) {
        try {
            JsonNode root = json.readTree(Files.readString(file));
            List<TierRule> rules = List.of(json.treeToValue(root.path("rules"), TierRule[].class));
            Map<Integer, List<String>> approvers = new java.util.HashMap<>(DEFAULT_APPROVERS);
            root.path("approvers").properties().forEach(e -> approvers.put(Integer.parseInt(e.getKey()),
                    List.of(json.convertValue(e.getValue(), String[].class))));
            return new Tiering(rules, approvers, sla);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("workflow rules file " + file + " is not valid: " + e.getMessage(), e);
        }
    }

    private static void validate(TierRule r) {
        if (r.name() == null || r.name().isBlank()) {
            throw new IllegalArgumentException("every tier rule needs a name");
        }
        if (r.tier() < 1 || r.tier() > 3) {
            throw new IllegalArgumentException("tier rule '" + r.name() + "': tier must be 1, 2 or 3");
        }
        for (String c : r.channels()) {
            if (Channel.byApiName(c).isEmpty()) {
                throw new IllegalArgumentException("tier rule '" + r.name() + "': unknown channel '" + c + "'");
            }
        }
    }

    private static void validateApprovers(int tier, List<String> roles) {
        if (roles == null || roles.isEmpty()) {
            throw new IllegalArgumentException("tier " + tier + " needs at least one approver role");
        }
        for (String r : roles) {
            Role role = Role.byApiName(r).orElseThrow(() -> new IllegalArgumentException("tier " + tier + ": unknown role '" + r + "'"));
            if (role == Role.ADMIN || !role.permissions().contains(Permission.WORKFLOW_REVIEW)) {
                throw new IllegalArgumentException("tier " + tier + ": role '" + r + "' cannot review (it lacks workflow.review)");
            }
        }
    }
}
