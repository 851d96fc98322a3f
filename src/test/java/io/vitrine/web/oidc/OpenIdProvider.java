package io.vitrine.web.oidc;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import jakarta.servlet.DispatcherType;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.FilterHolder;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.springframework.web.context.ContextLoaderListener;
import org.springframework.web.context.support.AnnotationConfigWebApplicationContext;
import org.springframework.web.filter.DelegatingFilterProxy;

/**
 * A real OpenID provider for the tests: Spring Authorization Server 1.5 (Spring Security's filters,
 * no Spring Boot), served on loopback by a second Jetty 11 server — the Jetty Javalin already brings,
 * so no other servlet container joins the test class path. Users sign in at its own login form.
 *
 * <p>Some users make it misbehave the way a broken or hostile provider would: {@code expired} gets an
 * ID token that expired an hour ago, {@code stranger} one addressed to another client, {@code mallory}
 * one signed with a key that is not in the published key set (under the published key id).
 */
public final class OpenIdProvider implements AutoCloseable {
    public static final String CLIENT_ID = "vitrine";
    public static final String CLIENT_SECRET = "vitrine-secret";
    public static final String PASSWORD = "correct horse";

    /** Who can sign in, with the claims the provider asserts for her. */
    public record Account(String username, List<String> roles, List<String> regions) {}

    /** What the Spring configuration reads; the key set is swappable, for key rotation. */
    record Settings(String issuer, List<String> redirectUris, Map<String, Account> accounts,
            AtomicReference<JWKSet> keys, RSAKey rogue) {}

    private final Server server;
    private final Settings settings;

    public OpenIdProvider(List<String> redirectUris, List<Account> accounts) throws Exception {
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        connector.open();
        String issuer = "http://127.0.0.1:" + connector.getLocalPort();
        RSAKey first = newKey();
        settings = new Settings(issuer, redirectUris,
                accounts.stream().collect(java.util.stream.Collectors.toMap(Account::username, a -> a)),
                new AtomicReference<>(new JWKSet(first)),
                new RSAKeyGenerator(2048).keyID(first.getKeyID()).generate());
        AnnotationConfigWebApplicationContext spring = new AnnotationConfigWebApplicationContext();
        spring.register(ProviderConfig.class);
        spring.addBeanFactoryPostProcessor(bf -> bf.registerSingleton("providerSettings", settings));
        ServletContextHandler context = new ServletContextHandler(ServletContextHandler.SESSIONS);
        context.addEventListener(new ContextLoaderListener(spring));
        context.addFilter(new FilterHolder(new DelegatingFilterProxy("springSecurityFilterChain")), "/*",
                EnumSet.allOf(DispatcherType.class));
        server.setHandler(context);
        server.start();
    }

    public String issuer() {
        return settings.issuer();
    }

    /** Publishes a new signing key and drops the old one, as a provider does when it rotates keys. */
    public void rotateKeys() throws Exception {
        settings.keys().set(new JWKSet(newKey()));
    }

    public String currentKeyId() {
        return settings.keys().get().getKeys().getFirst().getKeyID();
    }

    private static RSAKey newKey() throws Exception {
        return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
    }

    public void stop() throws Exception {
        server.stop();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
