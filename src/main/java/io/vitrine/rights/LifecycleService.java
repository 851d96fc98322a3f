package io.vitrine.rights;

import io.vitrine.asset.AssetService;
import java.time.Clock;
import java.util.List;

/**
 * The lifecycle rule of this release: an asset whose every licence has ended is quarantined, so its
 * original and renditions stop being served. An asset without licences is left alone. A dry run
 * reports the same actions without taking them.
 */
public final class LifecycleService {
    private final LicenceRepository licences;
    private final AssetService assets;
    private final Clock clock;

    public LifecycleService(LicenceRepository licences, AssetService assets, Clock clock) {
        this.licences = licences;
        this.assets = assets;
        this.clock = clock;
    }

    public record Action(String assetId, String action, String reason) {}

    public record Report(boolean dryRun, List<Action> actions) {}

    public Report run(boolean dryRun) {
        List<Action> actions = licences.fullyExpired(clock.instant()).stream()
                .map(e -> new Action(e.assetId(), "quarantine", "every licence has ended (the last on " + e.lastEnd() + ")"))
                .toList();
        if (!dryRun) {
            actions.forEach(a -> assets.quarantine(a.assetId(), a.reason()));
        }
        return new Report(dryRun, actions);
    }
}
