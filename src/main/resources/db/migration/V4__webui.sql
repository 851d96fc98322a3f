-- Web UI sign-in sessions (H2 and PostgreSQL). Only the SHA-256 of the cookie value is stored, so a
-- database leak gives no usable session; token_id ties a session to the API token that opened it,
-- so revoking the token ends its sessions.
create table web_sessions (
    id_hash     char(64)     primary key,
    token_id    varchar(32)  not null,
    csrf        varchar(64)  not null,
    created_at  timestamp with time zone not null,
    expires_at  timestamp with time zone not null
);
create index web_sessions_expiry on web_sessions (expires_at);
