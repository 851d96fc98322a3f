package io.vitrine.web.oidc;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;

/** Spring Authorization Server as its reference documentation sets it up, minus Spring Boot. */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class ProviderConfig {

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
        OAuth2AuthorizationServerConfigurer as = new OAuth2AuthorizationServerConfigurer();
        http.securityMatcher(as.getEndpointsMatcher())
                .with(as, a -> a.oidc(Customizer.withDefaults()))
                .authorizeHttpRequests(r -> r.anyRequest().authenticated())
                .oauth2ResourceServer(rs -> rs.jwt(Customizer.withDefaults()))
                .exceptionHandling(e -> e.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/login")));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain signIn(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(r -> r.anyRequest().authenticated()).formLogin(Customizer.withDefaults());
        return http.build();
    }

    @Bean
    UserDetailsService users(OpenIdProvider.Settings s) {
        return new InMemoryUserDetailsManager(s.accounts().keySet().stream()
                .map(u -> User.withUsername(u).password("{noop}" + OpenIdProvider.PASSWORD).roles("USER").build())
                .toList());
    }

    @Bean
    RegisteredClientRepository clients(OpenIdProvider.Settings s) {
        RegisteredClient.Builder c = RegisteredClient.withId(UUID.randomUUID().toString())
                .clientId(OpenIdProvider.CLIENT_ID).clientSecret("{noop}" + OpenIdProvider.CLIENT_SECRET)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .scope(OidcScopes.OPENID).scope(OidcScopes.PROFILE).scope(OidcScopes.EMAIL)
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build());
        s.redirectUris().forEach(c::redirectUri);
        // RP-initiated logout comes back to the relying party's /login (Vitrine's post_logout_redirect_uri)
        s.redirectUris().forEach(u -> c.postLogoutRedirectUri(u.replace("/login/oidc/callback", "/login")));
        return new InMemoryRegisteredClientRepository(c.build());
    }

    @Bean
    JWKSource<SecurityContext> keys(OpenIdProvider.Settings s) {
        return (selector, context) -> selector.select(s.keys().get());
    }

    @Bean
    JwtDecoder jwtDecoder(JWKSource<SecurityContext> keys) {
        return OAuth2AuthorizationServerConfiguration.jwtDecoder(keys);
    }

    /** mallory's tokens are signed with a key the provider does not publish (under a published key id). */
    @Bean
    JwtEncoder jwtEncoder(JWKSource<SecurityContext> keys, OpenIdProvider.Settings s) {
        NimbusJwtEncoder real = new NimbusJwtEncoder(keys);
        NimbusJwtEncoder rogue = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(s.rogue())));
        return p -> "mallory".equals(p.getClaims().getSubject()) ? rogue.encode(p) : real.encode(p);
    }

    @Bean
    AuthorizationServerSettings serverSettings(OpenIdProvider.Settings s) {
        return AuthorizationServerSettings.builder().issuer(s.issuer()).build();
    }

    /** The roles and regions claims, in ID and access tokens; and the misbehaviours the class comment lists. */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> claims(OpenIdProvider.Settings s) {
        return c -> {
            OpenIdProvider.Account a = s.accounts().get(c.getPrincipal().getName());
            if (a == null) {
                return;
            }
            c.getClaims().claim("roles", a.roles()).claim("regions", a.regions()).claim("name", a.username());
            if (!OidcParameterNames.ID_TOKEN.equals(c.getTokenType().getValue())) {
                return;
            }
            if (a.username().equals("expired")) {
                Instant now = Instant.now();
                c.getClaims().issuedAt(now.minusSeconds(7200)).expiresAt(now.minusSeconds(3600));
            } else if (a.username().equals("stranger")) {
                c.getClaims().audience(List.of("someone-else"));
            }
        };
    }
}
