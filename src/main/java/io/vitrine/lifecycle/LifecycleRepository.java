package io.vitrine.lifecycle;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Lifecycle rules, per-asset lifecycle facts, settings and warnings. */
public interface LifecycleRepository {

    /** In order. */
    List<LifecycleRule> rules();

    /** Replaces every rule in one transaction. */
    void replaceRules(List<LifecycleRule> rules);

    record Facts(String assetId, Instant campaignEnd, String guidelineVersion) {}

    Optional<Facts> facts(String assetId);

    void saveFacts(Facts facts);

    /** Live assets whose campaign ended before {@code now}. */
    List<String> campaignsEndedBefore(Instant now);

    /** Live assets whose recorded guideline version differs from {@code current} (none recorded counts as different). */
    List<String> guidelineNot(String current);

    Optional<String> setting(String name);

    void saveSetting(String name, String value);

    /** Records a warning; false when the same one was given before. */
    boolean warn(String assetId, String ruleId, String detail, Instant at);

    record Warning(String assetId, String ruleId, String detail, Instant at) {}

    /** Newest first. */
    List<Warning> warnings(int limit);
}
