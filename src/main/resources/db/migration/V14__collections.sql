-- Collections (lightboxes), who they are shared with, and public share links. Runs unchanged on H2 and PostgreSQL 15.

create table collections (
    id           varchar(32)   primary key,
    name         varchar(255)  not null,
    description  varchar(4000),
    -- the user behind the creating token, or the token id for a token without a user (bootstrap admin)
    owner_id     varchar(64)   not null,
    created_at   timestamp with time zone not null,
    updated_at   timestamp with time zone not null
);
create index collections_owner on collections (owner_id);

create table collection_assets (
    collection_id varchar(32) not null references collections (id) on delete cascade,
    asset_id      varchar(32) not null references assets (id) on delete cascade,
    added_by      varchar(64) not null,
    added_at      timestamp with time zone not null,
    primary key (collection_id, asset_id)
);
create index collection_assets_asset on collection_assets (asset_id);

create table collection_members (
    collection_id varchar(32) not null references collections (id) on delete cascade,
    user_id       varchar(32) not null references users (id) on delete cascade,
    access        varchar(8)  not null,
    added_at      timestamp with time zone not null,
    primary key (collection_id, user_id)
);
create index collection_members_user on collection_members (user_id);

create table share_links (
    id               varchar(32)  primary key,
    collection_id    varchar(32)  not null references collections (id) on delete cascade,
    token_hash       char(64)     not null unique,
    channel          varchar(16)  not null,
    region           varchar(2)   not null,
    allow_download   boolean      not null,
    password_hash    varchar(255),
    expires_at       timestamp with time zone not null,
    created_by       varchar(64)  not null,
    created_at       timestamp with time zone not null,
    revoked_at       timestamp with time zone,
    uses             bigint       default 0 not null,
    last_used_at     timestamp with time zone,
    failed_passwords integer      default 0 not null
);
create index share_links_collection on share_links (collection_id);
