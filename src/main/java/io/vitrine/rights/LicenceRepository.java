package io.vitrine.rights;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Licences and their links to assets. Contract: {@link #attach} and {@link #detach} are idempotent; {@link #forAsset}
 * lists an asset's licences oldest first; {@link #fullyExpired} finds live, not yet quarantined
 * assets that have at least one licence and whose every licence ended before {@code now}.
 */
public interface LicenceRepository {

    void insert(Licence licence);

    Optional<Licence> find(String id);

    void attach(String assetId, String licenceId, Instant now);

    /** Unlinks a licence from an asset; false when it was not attached. */
    boolean detach(String assetId, String licenceId);

    /**
     * When the newest release (kind {@code RELEASE}) still attached to the asset and in force at {@code now} (started:
     * no start or a start not after {@code now}; not ended: no end, or an end not before {@code now}, inclusive) came
     * into force for it: the later of its attachment and its start. Empty without one.
     */
    Optional<Instant> releaseAttachedAt(String assetId, Instant now);

    List<Licence> forAsset(String assetId);

    List<Expired> fullyExpired(Instant now);

    record Expired(String assetId, Instant lastEnd) {}

    /** One licence of one live, not quarantined asset, ending at {@code endsAt}. */
    record Ending(String licenceId, String assetId, Instant endsAt) {}

    /** Licence × asset pairs whose licence ends in [{@code from}, {@code to}), soonest first. */
    List<Ending> endingBetween(Instant from, Instant to);

    /** The same for releases only (kind {@code RELEASE}): the assets whose consent lapses in [{@code from}, {@code to}). */
    List<Ending> releasesEndingBetween(Instant from, Instant to);

    /** One release of one live, not quarantined asset, coming into force at {@code startsAt}. */
    record Starting(String licenceId, String assetId, Instant startsAt) {}

    /** Release × asset pairs whose release starts in [{@code from}, {@code to}): attached before it was in force. */
    List<Starting> releasesStartingBetween(Instant from, Instant to);

    void addDocument(LicenceDocument document);

    /** Oldest first. */
    List<LicenceDocument> documents(String licenceId);
}
