-- Lifecycle rules as data, per-asset lifecycle facts, the current brand guideline version, and the
-- warnings the rules gave. Runs unchanged on H2 and PostgreSQL 15.

create table lifecycle_rules (
    id          varchar(64)  primary key,
    position    integer      not null,
    trigger_on  varchar(32)  not null,
    action      varchar(32)  not null,
    within_days integer,
    enabled     boolean      not null
);
insert into lifecycle_rules (id, position, trigger_on, action, within_days, enabled) values
    ('licence-ended-quarantine', 1, 'LICENCE_ENDED', 'QUARANTINE', null, true),
    ('licence-ending-warn', 2, 'LICENCE_ENDING', 'WARN', 14, true),
    ('campaign-ended-archive', 3, 'CAMPAIGN_ENDED', 'ARCHIVE', null, true),
    ('guideline-changed-review', 4, 'GUIDELINE_CHANGED', 'REVIEW_AGAIN', null, true);

create table asset_lifecycle (
    asset_id          varchar(32) primary key references assets (id) on delete cascade,
    campaign_end      timestamp with time zone,
    guideline_version varchar(64)
);
create index asset_lifecycle_campaign on asset_lifecycle (campaign_end);

create table lifecycle_settings (
    name  varchar(64)   primary key,
    setting_value varchar(1024) not null
);

-- One row per asset, kind and detail: a rule that fires again on the next run does not warn twice.
create table lifecycle_warnings (
    asset_id   varchar(32)   not null references assets (id) on delete cascade,
    rule_id    varchar(64)   not null,
    detail     varchar(512)  not null,
    created_at timestamp with time zone not null,
    primary key (asset_id, rule_id, detail)
);
create index lifecycle_warnings_created on lifecycle_warnings (created_at);
