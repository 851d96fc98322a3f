package io.vitrine.config;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Everything Vitrine is configured with, loaded once at start ({@link ConfigLoader}) and passed
 * down; nothing reads the environment after that.
 */
public record VitrineConfig(Path dataDir, int port, Db db, Limits limits, Pipeline pipeline, String adminToken,
        String signingKey, Enrich enrich, Oidc oidc, Workflow workflow, Webhooks webhooks, Search search) {

    /** With search defaults. */
    public VitrineConfig(Path dataDir, int port, Db db, Limits limits, Pipeline pipeline, String adminToken, String signingKey,
            Enrich enrich, Oidc oidc, Workflow workflow, Webhooks webhooks) {
        this(dataDir, port, db, limits, pipeline, adminToken, signingKey, enrich, oidc, workflow, webhooks, Search.defaults());
    }

    /**
     * {@code threads}: how many threads one search may spread the index's segments over (1 = each
     * search on its request's thread). More cuts a lone search's wait, not the work the machine does.
     */
    public record Search(int threads) {
        public static Search defaults() {
            return new Search(Runtime.getRuntime().availableProcessors());
        }
    }

    /** With webhook defaults. */
    public VitrineConfig(Path dataDir, int port, Db db, Limits limits, Pipeline pipeline, String adminToken, String signingKey,
            Enrich enrich, Oidc oidc, Workflow workflow) {
        this(dataDir, port, db, limits, pipeline, adminToken, signingKey, enrich, oidc, workflow, Webhooks.defaults());
    }

    /** With enrichment and workflow defaults. */
    public VitrineConfig(Path dataDir, int port, Db db, Limits limits, Pipeline pipeline, String adminToken, String signingKey) {
        this(dataDir, port, db, limits, pipeline, adminToken, signingKey, Enrich.defaults(), Oidc.DISABLED, Workflow.defaults());
    }

    /**
     * Approval workflow: review time per tier (a task is overdue after it), how often the server
     * looks for overdue tasks and how often an overdue task is reminded again, and an optional JSON
     * file of tier rules replacing the built-in ones (null: built in); and how often worker nodes run
     * the lifecycle rules (archive, quarantine, re-review, warnings).
     */
    public record Workflow(java.util.Map<Integer, Duration> reviewTime, Duration reminderInterval, Duration remindAgainAfter,
            Path rulesFile, Duration lifecycleInterval, int expiryWarningDays) {
        public static Workflow defaults() {
            return new Workflow(java.util.Map.of(1, Duration.ofDays(2), 2, Duration.ofDays(3), 3, Duration.ofDays(5)),
                    Duration.ofMinutes(15), Duration.ofDays(1), null, Duration.ofHours(1), 30);
        }
    }

    /** Without OpenID Connect sign-in. */
    public VitrineConfig(Path dataDir, int port, Db db, Limits limits, Pipeline pipeline, String adminToken, String signingKey,
            Enrich enrich) {
        this(dataDir, port, db, limits, pipeline, adminToken, signingKey, enrich, Oidc.DISABLED, Workflow.defaults());
    }

    /**
     * OpenID Connect sign-in for the web UI (and the provider's JWT access tokens on the API);
     * {@code issuer} null = off. {@code redirectBaseUrl} is Vitrine's public URL: the provider sends
     * browsers back to {@code {redirectBaseUrl}/login/oidc/callback}. Claims and role mapping: see
     * {@code auth.ClaimMapping}. {@code apiAudience}: the {@code aud} a provider's JWT access token must carry
     * to be accepted by the API; null (the default) = the API accepts Vitrine's own tokens only.
     */
    public record Oidc(String issuer, String clientId, String clientSecret, String redirectBaseUrl, String scopes,
            String displayName, String rolesClaim, String regionsClaim, java.util.Map<String, String> roleMap,
            String defaultRole, String apiAudience, String groupsClaim) {
        public static final Oidc DISABLED = new Oidc(null, null, null, null, "openid profile email", "your identity provider",
                "roles", "regions", java.util.Map.of(), null, null, "groups");

        /** With the default groups claim ({@code groups}). */
        public Oidc(String issuer, String clientId, String clientSecret, String redirectBaseUrl, String scopes, String displayName,
                String rolesClaim, String regionsClaim, java.util.Map<String, String> roleMap, String defaultRole, String apiAudience) {
            this(issuer, clientId, clientSecret, redirectBaseUrl, scopes, displayName, rolesClaim, regionsClaim, roleMap, defaultRole,
                    apiAudience, "groups");
        }

        public boolean enabled() {
            return issuer != null;
        }

        public String redirectUri() {
            return redirectBaseUrl.replaceAll("/+$", "") + "/login/oidc/callback";
        }

        /** Where the provider sends the browser after ending its session (register it at the provider). */
        public String postLogoutRedirectUri() {
            return redirectBaseUrl.replaceAll("/+$", "") + "/login";
        }
    }

    /**
     * AI enrichment: where {@code vitrine models pull} downloads from (Hugging Face layout), how many
     * threads one model's inference may use, which classifier makes tags, and the default tag threshold;
     * which model finds faces, the tesseract command and languages for OCR, and how long one face
     * detection or one OCR run may take before it is stopped and its step marked failed; how audio
     * and video are transcribed ({@link Transcripts}); whether the bundled Chinese text embedder
     * (bge-small-zh, ~95 MB of weights) is loaded, so Chinese queries are searched in its space; the
     * default risk-flag threshold; and how many assets a few-shot library run reads from the index at a time.
     */
    public record Enrich(String modelBaseUrl, int inferenceThreads, String taggerModel, double tagThreshold,
            String faceModel, String tesseract, java.util.List<String> ocrLanguages, java.time.Duration inferenceTimeout,
            java.time.Duration ocrTimeout, Transcripts transcripts, boolean chineseTextEmbedder, double riskThreshold,
            int fewShotPage) {
        /**
         * With the bundled Chinese text embedder on (the offline default), the default risk threshold (a
         * draft flag this sure counts until reviewers' decisions move it) and few-shot page size.
         */
        public Enrich(String modelBaseUrl, int inferenceThreads, String taggerModel, double tagThreshold, String faceModel,
                String tesseract, java.util.List<String> ocrLanguages, java.time.Duration inferenceTimeout,
                java.time.Duration ocrTimeout, Transcripts transcripts) {
            this(modelBaseUrl, inferenceThreads, taggerModel, tagThreshold, faceModel, tesseract, ocrLanguages, inferenceTimeout,
                    ocrTimeout, transcripts, true, 0.4, 1000);
        }

        public Enrich(String modelBaseUrl, int inferenceThreads, String taggerModel, double tagThreshold) {
            this(modelBaseUrl, inferenceThreads, taggerModel, tagThreshold, defaults().faceModel(), defaults().tesseract(),
                    defaults().ocrLanguages(), defaults().inferenceTimeout(), defaults().ocrTimeout());
        }

        /** With transcript defaults. */
        public Enrich(String modelBaseUrl, int inferenceThreads, String taggerModel, double tagThreshold, String faceModel,
                String tesseract, java.util.List<String> ocrLanguages, java.time.Duration inferenceTimeout,
                java.time.Duration ocrTimeout) {
            this(modelBaseUrl, inferenceThreads, taggerModel, tagThreshold, faceModel, tesseract, ocrLanguages, inferenceTimeout,
                    ocrTimeout, Transcripts.defaults());
        }

        public static Enrich defaults() {
            return new Enrich(io.vitrine.enrich.ModelManifest.PUBLIC_HUB, 1, "mobilenetv2-12-int8", 0.3, "yunet_n_640_640",
                    "tesseract", java.util.List.of("eng", "deu", "fra", "spa", "por", "chi_sim"),
                    java.time.Duration.ofSeconds(30), java.time.Duration.ofSeconds(60), Transcripts.defaults(), true, 0.4, 1000);
        }
    }

    /**
     * Transcripts: the pocketsphinx command, the ffmpeg command that decodes the audio, how much of a
     * file is listened to ({@code limit}; the rest is cut and the transcript says so), and how long one
     * run may take before it is stopped and its step marked failed; which recognizer runs
     * ({@code transcriber}: auto, whisper, pocketsphinx or off; auto is whisper when a whisper model is
     * installed, else pocketsphinx) and which whisper model ({@code whisperModel}, null: the best
     * installed). pocketsphinx runs at about 0.3× real time on one core here, so the default timeout
     * covers the default limit three times over.
     */
    public record Transcripts(String pocketsphinx, String ffmpeg, Duration limit, Duration timeout, String transcriber,
            String whisperModel) {
        /** Recognizer chosen automatically, the best whisper model installed. */
        public Transcripts(String pocketsphinx, String ffmpeg, Duration limit, Duration timeout) {
            this(pocketsphinx, ffmpeg, limit, timeout, "auto", null);
        }

        public static Transcripts defaults() {
            return new Transcripts("pocketsphinx_continuous", "ffmpeg", Duration.ofMinutes(15), Duration.ofMinutes(15));
        }
    }

    /**
     * Outbound webhooks and the event log: {@code allow} lists the internal targets the operator
     * permits (IP addresses, CIDR ranges, host names; everything internal is refused otherwise),
     * {@code maxAttempts} before a delivery is dead, the first retry delay ({@code backoff}, doubling
     * up to {@code maxBackoff}), connect/read {@code timeout}, and how long events are kept.
     */
    public record Webhooks(java.util.List<String> allow, int maxAttempts, Duration backoff, Duration maxBackoff,
            Duration timeout, Duration eventRetention) {
        public Webhooks {
            allow = java.util.List.copyOf(allow);
        }

        public static Webhooks defaults() {
            return new Webhooks(java.util.List.of(), 8, Duration.ofSeconds(10), Duration.ofHours(1), Duration.ofSeconds(10),
                    Duration.ofDays(7));
        }
    }

    /** Installed models live here, one folder each. */
    public Path modelsDir() {
        return dataDir.resolve("models");
    }

    /**
     * {@code url} null means the embedded H2 file database under the data folder, owned by this one
     * process. No AUTO_SERVER: H2 refuses it together with DB_CLOSE_ON_EXIT=FALSE, and it would open
     * a TCP listener on a default install; DB_CLOSE_ON_EXIT=FALSE lets shutdown close the pool after
     * the workers stop instead of H2 closing the database under them.
     */
    public record Db(String url, String user, String password) {
        public String effectiveUrl(Path dataDir) {
            if (url != null) {
                return url;
            }
            return "jdbc:h2:file:" + dataDir.resolve("db").resolve("vitrine").toAbsolutePath()
                    + ";DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000";
        }
    }

    public record Limits(long maxUploadBytes, long maxPixels) {}

    /** {@code purgeAfter}: how long a deleted asset stays restorable before its files are purged. */
    public record Pipeline(int workers, int maxAttempts, Duration lease, Duration purgeAfter) {}

    public String redacted() {
        return "dataDir=" + dataDir.toAbsolutePath()
                + " port=" + port
                + " db=" + (db.url() == null ? "embedded H2" : db.url().replaceAll("password=[^&;]*", "password=***"))
                + " maxUploadBytes=" + limits.maxUploadBytes()
                + " maxPixels=" + limits.maxPixels()
                + " workers=" + pipeline.workers()
                + " searchThreads=" + search.threads()
                + " adminToken=" + (adminToken == null ? "(generated)" : "***")
                + " signingKey=" + (signingKey == null ? "(generated, in the data folder)" : "***")
                + " modelBaseUrl=" + enrich.modelBaseUrl()
                + " inferenceThreads=" + enrich.inferenceThreads()
                + " textEmbedderZh=" + (enrich.chineseTextEmbedder() ? "on" : "off")
                + " transcriber=" + enrich.transcripts().transcriber()
                + " whisperModel=" + (enrich.transcripts().whisperModel() == null ? "(best installed)" : enrich.transcripts().whisperModel())
                + " oidc=" + (oidc.enabled() ? oidc.issuer() + " client=" + oidc.clientId() + " secret=***" : "off")
                + " reviewTime=" + new java.util.TreeMap<>(workflow.reviewTime())
                + " workflowRules=" + (workflow.rulesFile() == null ? "(built in)" : workflow.rulesFile())
                + " webhookAllow=" + webhooks.allow();
    }
}
