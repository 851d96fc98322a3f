package io.vitrine.web;

import io.vitrine.asset.Asset;
import io.vitrine.asset.AssetVersion;
import io.vitrine.asset.EffectiveMetadata;
import io.vitrine.asset.Rendition;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Maps an asset, its versions and its renditions to the detail page's view model. */
final class AssetPages {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);
    /** File facts come from the file itself; a source badge on each would be noise. */
    private static final String FILE = null;

    private AssetPages() {}

    static AssetPage of(Chrome chrome, Asset a, List<AssetVersion> versions, String saved) {
        return of(chrome, a, versions, saved, AssetPage.AiTags.NONE);
    }

    static AssetPage of(Chrome chrome, Asset a, List<AssetVersion> versions, String saved, AssetPage.AiTags aiTags) {
        EffectiveMetadata m = EffectiveMetadata.of(a);
        String base = "/assets/" + a.id();
        return new AssetPage(chrome, a.id(), name(a, m), Tiles.kind(a.mediaType()), a.status().apiName(), a.statusReason(),
                preview(a, base), editable(m), groups(a, m),
                versions.stream().map(v -> new AssetPage.VersionRow(v.version(), v.filename(), size(v.bytes()),
                        when(v.createdAt()), v.version() == a.version())).toList(),
                a.renditions().stream().map(r -> new AssetPage.RenditionRow(r.name(), r.mediaType(), r.width() + " × " + r.height(),
                        size(r.bytes()), base + "/renditions/" + r.name() + "?download=1")).toList(),
                saved, aiTags);
    }

    private static String name(Asset a, EffectiveMetadata m) {
        return m.title() != null && !m.title().isBlank() ? m.title() : a.filename();
    }

    private static AssetPage.Preview preview(Asset a, String base) {
        String still = url(a, base, "web").or(() -> url(a, base, "preview")).or(() -> url(a, base, "waveform"))
                .or(() -> url(a, base, "thumb")).orElse(null);
        String zoom = url(a, base, "web").orElse(still);
        String kind = Tiles.kind(a.mediaType());
        String media = switch (kind) {
            case "video" -> url(a, base, "proxy").orElse(null);
            case "audio" -> base + "/original?inline=1";
            default -> null;
        };
        String download = a.status().apiName().equals("quarantined") ? null : base + "/original";
        return new AssetPage.Preview(still, zoom, media, download);
    }

    private static Optional<String> url(Asset a, String base, String name) {
        return a.renditions().stream().map(Rendition::name).filter(name::equals).findFirst().map(n -> base + "/renditions/" + n);
    }

    private static AssetPage.Editable editable(EffectiveMetadata m) {
        return new AssetPage.Editable(nz(m.title()), m.sources().get("title"), nz(m.description()), m.sources().get("description"),
                String.join(", ", m.keywordsOrEmpty()), m.sources().get("keywords"));
    }

    private static List<AssetPage.Group> groups(Asset a, EffectiveMetadata m) {
        List<AssetPage.Field> file = new ArrayList<>();
        file.add(new AssetPage.Field("File name", a.filename(), FILE));
        file.add(new AssetPage.Field("Type", a.mediaType() + (a.typeMismatch() ? " (the extension said " + a.claimedType() + ")" : ""), FILE));
        file.add(new AssetPage.Field("Size", size(a.bytes()), FILE));
        if (a.width() != null && a.height() != null) {
            file.add(new AssetPage.Field("Dimensions", a.width() + " × " + a.height() + " px", FILE));
        }
        file.add(new AssetPage.Field("Uploaded", when(a.createdAt()), FILE));
        file.add(new AssetPage.Field("SHA-256", a.sha256(), FILE));
        List<AssetPage.Field> camera = new ArrayList<>();
        add(camera, m, "Captured", "capturedAt", m.capturedAt() == null ? null : when(m.capturedAt()));
        add(camera, m, "Make", "cameraMake", m.cameraMake());
        add(camera, m, "Model", "cameraModel", m.cameraModel());
        add(camera, m, "Location", "gps", m.gps() == null ? null
                : String.format(Locale.ROOT, "%.5f, %.5f", m.gps().latitude(), m.gps().longitude()));
        List<AssetPage.Field> rights = new ArrayList<>();
        add(rights, m, "Creator", "creator", m.creator());
        add(rights, m, "Copyright", "copyright", m.copyright());
        return List.of(new AssetPage.Group("file", "File", file), new AssetPage.Group("camera", "Camera", camera),
                new AssetPage.Group("rights", "Rights", rights));
    }

    private static void add(List<AssetPage.Field> fields, EffectiveMetadata m, String label, String key, String value) {
        if (value != null && !value.isBlank()) {
            fields.add(new AssetPage.Field(label, value, m.sources().get(key)));
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    static String when(Instant i) {
        return WHEN.format(i);
    }

    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double v = bytes;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }
}
