package io.vitrine.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Loads {@link VitrineConfig}: defaults, then a properties file ({@code VITRINE_CONFIG}, else
 * {@code vitrine.properties} in the data folder, if present), then environment variables. Keys in
 * the file are the environment names ({@code VITRINE_PORT=8080}). Invalid values fail the start
 * with the key named.
 */
public final class ConfigLoader {
    private ConfigLoader() {}

    public static VitrineConfig load(Map<String, String> env) {
        Map<String, String> values = new HashMap<>();
        Path dataDir = Path.of(env.getOrDefault("VITRINE_DATA", "./data"));
        Path file = env.containsKey("VITRINE_CONFIG")
                ? Path.of(env.get("VITRINE_CONFIG"))
                : dataDir.resolve("vitrine.properties");
        values.putAll(readFile(file, env.containsKey("VITRINE_CONFIG")));
        values.putAll(env);
        return build(values, dataDir);
    }

    private static VitrineConfig build(Map<String, String> v, Path dataDir) {
        int cores = Runtime.getRuntime().availableProcessors();
        return new VitrineConfig(
                Path.of(v.getOrDefault("VITRINE_DATA", dataDir.toString())),
                intValue(v, "VITRINE_PORT", 8080, 0, 65535),
                new VitrineConfig.Db(v.get("VITRINE_DB_URL"), v.get("VITRINE_DB_USER"), v.get("VITRINE_DB_PASSWORD")),
                new VitrineConfig.Limits(
                        longValue(v, "VITRINE_MAX_UPLOAD_BYTES", 20L * 1024 * 1024 * 1024),
                        longValue(v, "VITRINE_MAX_PIXELS", 200_000_000L)),
                new VitrineConfig.Pipeline(
                        intValue(v, "VITRINE_WORKERS", Math.max(2, cores), 0, 256),
                        intValue(v, "VITRINE_JOB_MAX_ATTEMPTS", 5, 1, 100),
                        durationValue(v, "VITRINE_JOB_LEASE", Duration.ofMinutes(10)),
                        durationValue(v, "VITRINE_PURGE_AFTER", Duration.ofDays(7))),
                blankToNull(v.get("VITRINE_ADMIN_TOKEN")),
                blankToNull(v.get("VITRINE_SIGNING_KEY")),
                enrich(v),
                oidc(v),
                workflow(v),
                webhooks(v),
                new VitrineConfig.Search(intValue(v, "VITRINE_SEARCH_THREADS", cores, 1, 256)));
    }

    /** All or nothing: with an issuer, the client id, secret and redirect base URL are required. */
    private static VitrineConfig.Oidc oidc(Map<String, String> v) {
        VitrineConfig.Oidc d = VitrineConfig.Oidc.DISABLED;
        String issuer = blankToNull(v.get("VITRINE_OIDC_ISSUER"));
        if (issuer == null) {
            return d;
        }
        for (String key : new String[] {"VITRINE_OIDC_CLIENT_ID", "VITRINE_OIDC_CLIENT_SECRET", "VITRINE_OIDC_REDIRECT_BASE_URL"}) {
            if (blankToNull(v.get(key)) == null) {
                throw new IllegalArgumentException(key + " is required when VITRINE_OIDC_ISSUER is set");
            }
        }
        String base = v.get("VITRINE_OIDC_REDIRECT_BASE_URL").strip();
        if (!base.startsWith("https://") && !base.startsWith("http://")) {
            throw new IllegalArgumentException("VITRINE_OIDC_REDIRECT_BASE_URL must be an http(s) URL, got '" + base + "'");
        }
        String audience = blankToNull(v.get("VITRINE_OIDC_API_AUDIENCE"));
        return new VitrineConfig.Oidc(issuer.strip().replaceAll("/+$", ""), v.get("VITRINE_OIDC_CLIENT_ID").strip(),
                v.get("VITRINE_OIDC_CLIENT_SECRET"), base, v.getOrDefault("VITRINE_OIDC_SCOPES", d.scopes()),
                v.getOrDefault("VITRINE_OIDC_NAME", d.displayName()),
                v.getOrDefault("VITRINE_OIDC_ROLES_CLAIM", d.rolesClaim()),
                v.getOrDefault("VITRINE_OIDC_REGIONS_CLAIM", d.regionsClaim()),
                roleMap(v.get("VITRINE_OIDC_ROLE_MAP")), blankToNull(v.get("VITRINE_OIDC_DEFAULT_ROLE")),
                audience == null ? null : audience.strip(), groupsClaim(v, d));
    }

    /** The claim naming Vitrine groups; VITRINE_OIDC_GROUPS_CLAIM set to "" turns group mapping off. */
    private static String groupsClaim(Map<String, String> v, VitrineConfig.Oidc d) {
        String raw = v.get("VITRINE_OIDC_GROUPS_CLAIM");
        return raw == null ? d.groupsClaim() : blankToNull(raw) == null ? null : raw.strip();
    }

    /** {@code group=role,other group=role}: a provider's group or app-role value → a Vitrine role. */
    private static Map<String, String> roleMap(String raw) {
        Map<String, String> out = new HashMap<>();
        if (blankToNull(raw) == null) {
            return out;
        }
        for (String pair : raw.split(",")) {
            int eq = pair.lastIndexOf('=');
            if (eq <= 0 || eq == pair.length() - 1) {
                throw new IllegalArgumentException("VITRINE_OIDC_ROLE_MAP entries are group=role, got '" + pair.strip() + "'");
            }
            out.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
        }
        return out;
    }

    private static VitrineConfig.Workflow workflow(Map<String, String> v) {
        VitrineConfig.Workflow d = VitrineConfig.Workflow.defaults();
        Map<Integer, Duration> review = new HashMap<>();
        for (int tier = 1; tier <= 3; tier++) {
            String key = "VITRINE_REVIEW_TIME_TIER" + tier;
            Duration t = durationValue(v, key, d.reviewTime().get(tier));
            if (t.isNegative() || t.isZero()) {
                throw new IllegalArgumentException(key + " must be a positive duration, got " + t);
            }
            review.put(tier, t);
        }
        String rules = blankToNull(v.get("VITRINE_WORKFLOW_RULES"));
        return new VitrineConfig.Workflow(Map.copyOf(review),
                durationValue(v, "VITRINE_REMINDER_INTERVAL", d.reminderInterval()),
                durationValue(v, "VITRINE_REMIND_AGAIN_AFTER", d.remindAgainAfter()),
                rules == null ? null : Path.of(rules),
                durationValue(v, "VITRINE_LIFECYCLE_INTERVAL", d.lifecycleInterval()),
                intValue(v, "VITRINE_EXPIRY_WARNING_DAYS", d.expiryWarningDays(), 1, 365));
    }

    private static VitrineConfig.Enrich enrich(Map<String, String> v) {
        VitrineConfig.Enrich d = VitrineConfig.Enrich.defaults();
        return new VitrineConfig.Enrich(
                v.getOrDefault("VITRINE_MODEL_BASE_URL", d.modelBaseUrl()),
                intValue(v, "VITRINE_INFERENCE_THREADS", d.inferenceThreads(), 1, 256),
                v.getOrDefault("VITRINE_TAGGER_MODEL", d.taggerModel()),
                fraction(v, "VITRINE_TAG_THRESHOLD", d.tagThreshold()),
                v.getOrDefault("VITRINE_FACE_MODEL", d.faceModel()),
                v.getOrDefault("VITRINE_TESSERACT", d.tesseract()),
                ocrLanguages(v.get("VITRINE_OCR_LANGUAGES"), d.ocrLanguages()),
                java.time.Duration.ofSeconds(intValue(v, "VITRINE_INFERENCE_TIMEOUT_SECONDS", (int) d.inferenceTimeout().toSeconds(), 1, 3600)),
                java.time.Duration.ofSeconds(intValue(v, "VITRINE_OCR_TIMEOUT_SECONDS", (int) d.ocrTimeout().toSeconds(), 1, 3600)),
                transcripts(v),
                onOff(v, "VITRINE_TEXT_EMBEDDER_ZH", d.chineseTextEmbedder()),
                fraction(v, "VITRINE_RISK_THRESHOLD", d.riskThreshold()),
                intValue(v, "VITRINE_FEWSHOT_PAGE", d.fewShotPage(), 1, 10_000));
    }

    /** A number between 0 and 1 (thresholds). */
    private static double fraction(Map<String, String> v, String key, double def) {
        String value = blankToNull(v.get(key));
        double t;
        try {
            t = value == null ? def : Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a number between 0 and 1, got '" + value + "'", e);
        }
        if (!(t >= 0 && t <= 1)) {
            throw new IllegalArgumentException(key + " must be between 0 and 1, got " + t);
        }
        return t;
    }

    /**
     * The limit and timeout are ISO-8601 durations (PT15M), so a test or a short-clip library can go
     * below a minute; the recognizer and whisper model are checked here, so a typo stops the start.
     */
    private static VitrineConfig.Transcripts transcripts(Map<String, String> v) {
        VitrineConfig.Transcripts d = VitrineConfig.Transcripts.defaults();
        Duration limit = durationValue(v, "VITRINE_TRANSCRIPT_LIMIT", d.limit());
        Duration timeout = durationValue(v, "VITRINE_TRANSCRIPT_TIMEOUT", d.timeout());
        if (limit.isNegative() || limit.isZero() || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("VITRINE_TRANSCRIPT_LIMIT and VITRINE_TRANSCRIPT_TIMEOUT must be positive durations");
        }
        String transcriber = io.vitrine.enrich.SpeechRecognizers.Mode.parse(v.getOrDefault("VITRINE_TRANSCRIBER", d.transcriber()))
                .name().toLowerCase(java.util.Locale.ROOT);
        String whisper = blankToNull(v.get("VITRINE_WHISPER_MODEL"));
        if (whisper != null && !whisper.strip().matches("[A-Za-z0-9][A-Za-z0-9._-]{0,127}")) {
            throw new IllegalArgumentException("VITRINE_WHISPER_MODEL must be a model name like whisper-base.en, got '" + whisper + "'");
        }
        return new VitrineConfig.Transcripts(v.getOrDefault("VITRINE_POCKETSPHINX", d.pocketsphinx()), d.ffmpeg(), limit, timeout,
                transcriber, whisper == null ? null : whisper.strip());
    }

    /** "eng+deu" or "eng,deu": Tesseract language codes, letters and underscores only (they reach a command line). */
    private static java.util.List<String> ocrLanguages(String value, java.util.List<String> fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        java.util.List<String> langs = java.util.List.of(value.strip().split("[+,\\s]+"));
        if (!langs.stream().allMatch(l -> l.matches("[A-Za-z_]{2,16}"))) {
            throw new IllegalArgumentException("VITRINE_OCR_LANGUAGES must be Tesseract codes like eng+deu, got '" + value + "'");
        }
        return langs;
    }

    private static VitrineConfig.Webhooks webhooks(Map<String, String> v) {
        VitrineConfig.Webhooks d = VitrineConfig.Webhooks.defaults();
        String allow = blankToNull(v.get("VITRINE_WEBHOOK_ALLOW"));
        return new VitrineConfig.Webhooks(
                allow == null ? List.of() : Arrays.stream(allow.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList(),
                intValue(v, "VITRINE_WEBHOOK_MAX_ATTEMPTS", d.maxAttempts(), 1, 100),
                durationValue(v, "VITRINE_WEBHOOK_BACKOFF", d.backoff()),
                durationValue(v, "VITRINE_WEBHOOK_MAX_BACKOFF", d.maxBackoff()),
                durationValue(v, "VITRINE_WEBHOOK_TIMEOUT", d.timeout()),
                durationValue(v, "VITRINE_EVENT_RETENTION", d.eventRetention()));
    }

    private static Map<String, String> readFile(Path file, boolean required) {
        if (!Files.isRegularFile(file)) {
            if (required) {
                throw new IllegalArgumentException("VITRINE_CONFIG names " + file + ", which is not a readable file");
            }
            return Map.of();
        }
        Properties props = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            props.load(r);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read config file " + file + ": " + e.getMessage(), e);
        }
        Map<String, String> out = new HashMap<>();
        props.forEach((k, val) -> out.put(k.toString(), val.toString()));
        return out;
    }

    private static int intValue(Map<String, String> v, String key, int def, int min, int max) {
        long value = longValue(v, key, def);
        if (value < min || value > max) {
            throw new IllegalArgumentException(key + " must be between " + min + " and " + max + ", got " + value);
        }
        return (int) value;
    }

    private static boolean onOff(Map<String, String> v, String key, boolean def) {
        String raw = blankToNull(v.get(key));
        if (raw == null) {
            return def;
        }
        return switch (raw.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "on", "true", "yes", "1" -> true;
            case "off", "false", "no", "0" -> false;
            default -> throw new IllegalArgumentException(key + " must be on or off, got '" + raw + "'");
        };
    }

    private static long longValue(Map<String, String> v, String key, long def) {
        String raw = blankToNull(v.get(key));
        if (raw == null) {
            return def;
        }
        try {
            return Long.parseLong(raw.trim().replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, got '" + raw + "'", e);
        }
    }

    private static Duration durationValue(Map<String, String> v, String key, Duration def) {
        String raw = blankToNull(v.get(key));
        if (raw == null) {
            return def;
        }
        try {
            return Duration.parse(raw.trim());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(key + " must be an ISO-8601 duration such as PT10M or P7D, got '" + raw + "'", e);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
