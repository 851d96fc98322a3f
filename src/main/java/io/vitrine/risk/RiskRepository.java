package io.vitrine.risk;

import io.vitrine.enrich.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Risk flags in the database. Contract: {@link #replaceDrafts} swaps an asset's draft flags for a
 * new set, and for a flag a person already decided it refreshes confidence and evidence but keeps
 * the decision (a person's word outlives a re-run); decided flags the new run no longer finds stay.
 */
public interface RiskRepository {

    void replaceDrafts(String assetId, List<RiskFlag> found);

    /** The asset's flags, by flag name. */
    List<RiskFlag> flags(String assetId);

    /** Drops one flag whatever its status (a decision made moot); false when there was none. */
    boolean remove(String assetId, String flag);

    /** Live assets with a draft of {@code flag} whose confidence is in [{@code from}, {@code to}). */
    List<String> draftsBetween(String flag, double from, double to);

    /** Sets a decision; empty when the asset has no such flag. */
    Optional<RiskFlag> decide(String assetId, String flag, Tag.Status status, Instant at);
}
