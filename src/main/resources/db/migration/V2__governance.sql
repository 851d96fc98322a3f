-- Governance: users, asset markets, licences, the audit chain. Runs unchanged on H2 and PostgreSQL 15.

create table users (
    id          varchar(32)   primary key,
    name        varchar(255)  not null,
    roles       varchar(1024) not null,
    regions     varchar(1024) not null,
    created_at  timestamp with time zone not null
);

-- Tokens issued to a user point at her; the bootstrap administrator's token has no user.
alter table api_tokens add column user_id varchar(32);

-- Markets where the asset may be seen, comma-separated ISO 3166 alpha-2 codes; '' = everywhere.
alter table assets add column regions varchar(1024) default '' not null;

create table licences (
    id           varchar(32)   primary key,
    kind         varchar(16)   not null,
    channels     varchar(255)  not null,
    regions      varchar(1024) not null,
    starts_at    timestamp with time zone,
    ends_at      timestamp with time zone,
    licensor     varchar(1024),
    attribution  varchar(4000),
    restrictions varchar(4000),
    created_at   timestamp with time zone not null
);

create table asset_licences (
    asset_id    varchar(32) not null references assets (id) on delete cascade,
    licence_id  varchar(32) not null references licences (id),
    attached_at timestamp with time zone not null,
    primary key (asset_id, licence_id)
);
create index asset_licences_licence on asset_licences (licence_id);

-- Append-only and hash-chained: each event carries the hash of the one before it.
create table audit_events (
    seq        bigint        primary key,
    at         timestamp with time zone not null,
    actor      varchar(255)  not null,
    action     varchar(64)   not null,
    target     varchar(255),
    details    text          not null,
    prev_hash  char(64)      not null,
    hash       char(64)      not null
);

-- One row, locked by every append, so appends from any number of threads or nodes form one chain.
create table audit_head (
    id    integer  primary key,
    seq   bigint   not null,
    hash  char(64) not null
);
insert into audit_head (id, seq, hash) values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
