package io.vitrine.rights;

import io.vitrine.asset.Asset;
import io.vitrine.auth.Regions;
import io.vitrine.db.Transactions;
import io.vitrine.events.Events;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/** Creates licences, links them to assets, and decides synchronously whether a use is covered. */
public final class LicenceService {
    private static final int MAX_TEXT = 4000;

    private final LicenceRepository licences;
    private final Supplier<String> ids;
    private final Clock clock;
    private final Transactions tx;
    private final Events events;
    private volatile java.util.function.Consumer<String> releaseChanged = assetId -> { };

    public LicenceService(LicenceRepository licences, Supplier<String> ids, Clock clock, Transactions tx, Events events) {
        this.licences = licences;
        this.ids = ids;
        this.clock = clock;
        this.tx = tx;
        this.events = events;
    }

    public Licence create(NewLicence r) {
        Licence.Kind kind = kind(r.kind());
        Set<Channel> channels = channels(r.channels());
        Set<String> regions;
        try {
            regions = Regions.parse(r.regions() == null ? List.of() : r.regions());
        } catch (IllegalArgumentException e) {
            throw new InvalidLicenceException(e.getMessage());
        }
        if (r.start() != null && r.end() != null && r.end().isBefore(r.start())) {
            throw new InvalidLicenceException("'end' is before 'start'");
        }
        Licence l = new Licence(ids.get(), kind, channels, regions, micros(r.start()), micros(r.end()),
                text("licensor", r.licensor()), text("attribution", r.attribution()), text("restrictions", r.restrictions()),
                now(), media(r.media()), r.exclusive(), covers(r.covers()));
        licences.insert(l);
        return l;
    }

    /** Keeps a document with a licence; the caller has staged its bytes in the blob store and detected its type. */
    public LicenceDocument addDocument(String licenceId, io.vitrine.storage.StagedBlob blob, String filename, String mediaType,
            io.vitrine.storage.BlobStore blobs) throws java.io.IOException {
        get(licenceId);
        blobs.commit(blob);
        String name = filename == null || filename.isBlank() ? "document" : filename.strip();
        LicenceDocument d = new LicenceDocument(ids.get(), licenceId, name.length() > 1024 ? name.substring(0, 1024) : name, mediaType,
                blob.sha256(), blob.bytes(), now());
        licences.addDocument(d);
        return d;
    }

    public List<LicenceDocument> documents(String licenceId) {
        return licences.documents(licenceId);
    }

    public Licence get(String id) {
        return licences.find(id).orElseThrow(() -> new LicenceNotFoundException(id));
    }

    /**
     * Called with the asset's id, inside the transaction, whenever a release is attached to or taken off
     * an asset: what depends on releases (the risk step's {@code people-without-release}) is queued to
     * follow, in the same commit.
     */
    public void onReleaseChanged(java.util.function.Consumer<String> listener) {
        this.releaseChanged = listener;
    }

    /** Links a licence to an asset (idempotent); the caller has checked the asset is visible. */
    public void attach(String assetId, String licenceId) {
        Licence l = get(licenceId);
        tx.run(() -> {
            licences.attach(assetId, licenceId, now());
            events.record(Events.LICENCE_ATTACHED, assetId, java.util.Map.of("licenceId", licenceId));
            if (l.kind() == Licence.Kind.RELEASE) {
                releaseChanged.accept(assetId);
            }
        });
    }

    /** Unlinks a licence from an asset (idempotent: a licence that was not attached changes nothing); the caller checked the asset is visible. */
    public void detach(String assetId, String licenceId) {
        Licence l = get(licenceId);
        tx.run(() -> {
            if (licences.detach(assetId, licenceId)) {
                events.record(Events.LICENCE_DETACHED, assetId, java.util.Map.of("licenceId", licenceId));
                if (l.kind() == Licence.Kind.RELEASE) {
                    releaseChanged.accept(assetId);
                }
            }
        });
    }

    /** When the newest release still attached to the asset and in force now was attached; empty without one. */
    public java.util.Optional<Instant> releaseAttachedAt(String assetId) {
        return licences.releaseAttachedAt(assetId, clock.instant());
    }

    public List<Licence> forAsset(String assetId) {
        return licences.forAsset(assetId);
    }

    /**
     * Throws {@link NotLicensedException} unless {@code use} is allowed now: internal viewing always
     * is; a distribution must be in one of the asset's markets (if it has any), and for each kind of
     * licence the asset has (licences, releases), one of that kind must cover the channel, the region
     * and today. An asset without licences is owned material and unrestricted.
     */
    public void check(Asset asset, Use use) {
        if (!use.isDistribution()) {
            return;
        }
        if (!asset.regions().isEmpty() && !asset.regions().contains(use.region())) {
            throw new NotLicensedException("asset " + asset.id() + " may not be shown in region " + use.region()
                    + " (its markets: " + String.join(", ", new java.util.TreeSet<>(asset.regions())) + ")");
        }
        List<Licence> all = licences.forAsset(asset.id());
        Instant now = clock.instant();
        for (Licence.Kind kind : Licence.Kind.values()) {
            List<Licence> ofKind = all.stream().filter(l -> l.kind() == kind).toList();
            if (!ofKind.isEmpty() && ofKind.stream().noneMatch(l -> l.coversMedia(asset.mediaType()) && covers(l, use, now))) {
                throw new NotLicensedException("no " + kind.apiName() + " covers channel " + use.channel().apiName()
                        + " in region " + use.region() + ": " + CoverageGap.explain(ofKind, asset.mediaType(), use, now));
            }
        }
    }

    static boolean covers(Licence l, Use use, Instant now) {
        return l.coversChannel(use.channel()) && l.coversRegion(use.region()) && l.inForceAt(now);
    }

    private static Licence.Kind kind(String kind) {
        if (kind == null) {
            return Licence.Kind.LICENCE;
        }
        try {
            return Licence.Kind.valueOf(kind.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidLicenceException("'kind' must be licence or release");
        }
    }

    private static Set<Channel> channels(List<String> names) {
        if (names == null || names.isEmpty()) {
            throw new InvalidLicenceException("'channels' must name at least one of web, social, print, ooh, broadcast, internal");
        }
        Set<Channel> out = EnumSet.noneOf(Channel.class);
        for (String n : names) {
            out.add(Channel.byApiName(n).orElseThrow(() -> new InvalidLicenceException(
                    "unknown channel '" + n + "'; channels are web, social, print, ooh, broadcast, internal")));
        }
        return out;
    }

    private static Set<String> media(List<String> media) {
        Set<String> out = new java.util.TreeSet<>();
        for (String m : media == null ? List.<String>of() : media) {
            if (!Licence.MEDIA.contains(m)) {
                throw new InvalidLicenceException("unknown medium '" + m + "'; media are image, video, audio, document");
            }
            out.add(m);
        }
        return out;
    }

    private static List<String> covers(List<String> names) {
        List<String> out = new java.util.ArrayList<>();
        for (String n : names == null ? List.<String>of() : names) {
            if (n == null || n.isBlank() || n.length() > 255) {
                throw new InvalidLicenceException("each entry of 'covers' names a person or property in 1 to 255 characters");
            }
            out.add(n.strip());
        }
        return out;
    }

    private static String text(String field, String value) {
        if (value != null && value.length() > MAX_TEXT) {
            throw new InvalidLicenceException("'" + field + "' is longer than " + MAX_TEXT + " characters");
        }
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Instant micros(Instant i) {
        return i == null ? null : i.truncatedTo(ChronoUnit.MICROS);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
