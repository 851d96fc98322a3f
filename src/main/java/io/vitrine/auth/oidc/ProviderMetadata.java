package io.vitrine.auth.oidc;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import io.vitrine.auth.SignInException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The provider's discovery document ({@code {issuer}/.well-known/openid-configuration}) and its
 * signing keys, fetched on first use rather than at start (Vitrine starts while the provider is down)
 * and re-read hourly. The key source caches the key set and fetches it again when a token names a key
 * id it does not know, so the provider can rotate keys without Vitrine noticing.
 */
public final class ProviderMetadata {
    static final int TIMEOUT_MS = 5_000;
    private static final Duration REFRESH = Duration.ofHours(1);

    private final String issuer;
    private final Clock clock;
    private volatile Loaded loaded;

    record Loaded(OIDCProviderMetadata metadata, JWKSource<SecurityContext> keys, Set<JWSAlgorithm> algorithms, Instant at) {
        JWSVerificationKeySelector<SecurityContext> keySelector() {
            return new JWSVerificationKeySelector<>(algorithms, keys);
        }
    }

    public ProviderMetadata(String issuer, Clock clock) {
        this.issuer = issuer;
        this.clock = clock;
    }

    String issuer() {
        return issuer;
    }

    /** Throws {@link SignInException} (502) when the provider cannot be reached or answers nonsense. */
    Loaded get() {
        Loaded current = loaded;
        if (current != null && current.at().plus(REFRESH).isAfter(clock.instant())) {
            return current;
        }
        synchronized (this) {
            if (loaded != null && loaded.at().plus(REFRESH).isAfter(clock.instant())) {
                return loaded;
            }
            try {
                loaded = load();
            } catch (Exception e) {
                if (loaded != null) {
                    return loaded; // a stale document beats no sign-in while the provider hiccups
                }
                throw SignInException.unavailable("discovery at " + issuer + "/.well-known/openid-configuration failed: "
                        + e.getMessage(), e);
            }
            return loaded;
        }
    }

    private Loaded load() throws Exception {
        // resolve() also checks that the document names the issuer we asked for (no mix-up)
        OIDCProviderMetadata m = OIDCProviderMetadata.resolve(new Issuer(issuer), TIMEOUT_MS, TIMEOUT_MS);
        JWKSource<SecurityContext> keys = JWKSourceBuilder
                .<SecurityContext>create(m.getJWKSetURI().toURL(), new DefaultResourceRetriever(TIMEOUT_MS, TIMEOUT_MS, 1 << 20))
                .cache(Duration.ofMinutes(15).toMillis(), TIMEOUT_MS)
                .refreshAheadCache(false) // refreshes on demand instead, with no background executor to shut down
                .rateLimited(Duration.ofSeconds(2).toMillis())
                .build();
        return new Loaded(m, keys, asymmetric(m.getIDTokenJWSAlgs()), clock.instant());
    }

    /** Only public-key signatures: "none" and HMAC (keyed with the client secret) are never accepted. */
    private static Set<JWSAlgorithm> asymmetric(List<JWSAlgorithm> advertised) {
        Set<JWSAlgorithm> out = new HashSet<>();
        Set<JWSAlgorithm> allowed = new HashSet<>(JWSAlgorithm.Family.SIGNATURE);
        for (JWSAlgorithm a : advertised == null ? List.of(JWSAlgorithm.RS256) : advertised) {
            if (allowed.contains(a)) {
                out.add(a);
            }
        }
        if (out.isEmpty()) {
            out.add(JWSAlgorithm.RS256);
        }
        return Set.copyOf(out);
    }
}
