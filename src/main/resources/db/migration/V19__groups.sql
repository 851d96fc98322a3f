-- Groups of users and the collection attribute (ABAC). Runs unchanged on H2 and PostgreSQL 15.
-- ("groups" is a keyword in H2 2.x, hence user_groups.)

create table user_groups (
    id           varchar(32)   primary key,
    name         varchar(255)  not null unique,
    description  varchar(4000),
    roles        varchar(1024) not null,
    regions      varchar(1024) not null,
    -- comma-separated collection ids; null = the group puts no collection restriction on its members
    collections  varchar(4000),
    created_at   timestamp with time zone not null,
    updated_at   timestamp with time zone not null
);

create table user_group_members (
    group_id  varchar(32) not null references user_groups (id) on delete cascade,
    user_id   varchar(32) not null references users (id) on delete cascade,
    -- 'admin' (added through the API) or 'oidc' (from the provider's groups claim, replaced at each sign-in)
    source    varchar(8)  not null,
    added_at  timestamp with time zone not null,
    primary key (group_id, user_id)
);
create index user_group_members_user on user_group_members (user_id);

-- The collections a user is limited to (comma-separated ids); null = no collection restriction.
alter table users add column collections varchar(4000);

-- The provider's ID token of a web session opened through OpenID Connect, sent back as id_token_hint
-- when she signs out (RP-initiated logout); null for token sign-ins.
alter table web_sessions add column id_token varchar(16384);

-- Who uploaded the asset (the user behind the token, or the token id for a token without a user);
-- null for assets from before V19 and folder imports: their expiry warnings go to the librarians.
alter table assets add column owner_id varchar(64);

-- Per-person notifications (today: licence.expiring); read_at set when she marks one read.
create table notifications (
    id           varchar(32)   primary key,
    recipient_id varchar(64)   not null,
    type         varchar(64)   not null,
    asset_id     varchar(32)   references assets (id) on delete cascade,
    data         varchar(4000) not null,
    created_at   timestamp with time zone not null,
    read_at      timestamp with time zone
);
create index notifications_recipient on notifications (recipient_id, created_at);

-- One warning per licence, asset and window (the licence's end date and the days ahead): a daily run
-- does not warn again; a licence extended and nearing its new end warns again.
create table licence_expiry_warnings (
    licence_id  varchar(32) not null references licences (id) on delete cascade,
    asset_id    varchar(32) not null references assets (id) on delete cascade,
    ends_at     timestamp with time zone not null,
    window_days integer     not null,
    warned_at   timestamp with time zone not null,
    primary key (licence_id, asset_id, ends_at, window_days)
);

insert into lifecycle_rules (id, position, trigger_on, action, within_days, enabled) values
    ('licence-expiring-notify-owner', 5, 'LICENCE_EXPIRING', 'NOTIFY_OWNER', null, true);
