-- OpenID Connect sign-in and user revocation (H2 and PostgreSQL).

-- A revoked user's tokens and sessions are dead and she cannot sign in again, by token or provider.
alter table users add column revoked_at timestamp with time zone;

-- Which Vitrine user a provider's subject is: the pair (issuer, sub) is the only stable identity an
-- OpenID provider promises; e-mail addresses and names change.
create table oidc_identities (
    issuer        varchar(1024) not null,
    subject       varchar(255)  not null,
    user_id       varchar(32)   not null references users (id),
    created_at    timestamp with time zone not null,
    last_login_at timestamp with time zone not null,
    primary key (issuer, subject)
);
create index oidc_identities_user on oidc_identities (user_id);

create index api_tokens_user on api_tokens (user_id);

-- A browser on its way to the provider and back: keyed by the SHA-256 of a cookie only that browser
-- holds, used once. state, nonce and the PKCE verifier never leave the server except as the provider
-- expects them (the verifier only as its hash, in the authorization request).
create table oidc_pending (
    id_hash     char(64)     primary key,
    state       varchar(128) not null,
    nonce       varchar(128) not null,
    verifier    varchar(128) not null,
    expires_at  timestamp with time zone not null
);
create index oidc_pending_expiry on oidc_pending (expires_at);
