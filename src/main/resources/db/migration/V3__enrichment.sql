-- AI enrichment (issue 4). Runs unchanged on H2 and PostgreSQL 15. Never edit after release.

-- One row per asset and concept. status is draft until a person decides; decided_at says when.
create table asset_tags (
    asset_id      varchar(32)   not null references assets (id) on delete cascade,
    concept       varchar(128)  not null,
    confidence    double precision not null,
    status        varchar(16)   not null,
    source        varchar(16)   not null,
    model         varchar(128)  not null,
    model_version varchar(64)   not null,
    created_at    timestamp with time zone not null,
    decided_at    timestamp with time zone,
    primary key (asset_id, concept)
);
create index asset_tags_concept on asset_tags (concept, status);

-- One row per asset and enrichment kind (tags, palette, quality): what it was computed from, by
-- which model, the value (JSON) or the reason it failed. A re-run with the same input and model
-- version is skipped.
create table asset_enrichment (
    asset_id      varchar(32)   not null references assets (id) on delete cascade,
    kind          varchar(32)   not null,
    source_sha256 char(64)      not null,
    model         varchar(128)  not null,
    model_version varchar(64)   not null,
    value_json    text,
    error         varchar(4000),
    updated_at    timestamp with time zone not null,
    primary key (asset_id, kind)
);

-- Per-concept thresholds, recalibrated from people's accept/reject decisions.
create table concept_thresholds (
    concept     varchar(128) primary key,
    threshold   double precision not null,
    accepted    integer not null,
    rejected    integer not null,
    updated_at  timestamp with time zone not null
);
