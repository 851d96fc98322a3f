-- Content risk flags (issue 4, item 5). Runs unchanged on H2 and PostgreSQL 15. Never edit after release.

-- One row per flag an analysis raised on an asset (weapon, personal-data, ai-generated, ...).
-- evidence is a JSON array of short strings naming what raised it (a class and its probability, a
-- masked match, an XMP value); it never holds the matched personal data itself. status is draft
-- until a person decides (accepted: the risk is real; rejected: it is not and no longer counts).
create table asset_risks (
    asset_id      varchar(32)      not null references assets (id) on delete cascade,
    flag          varchar(40)      not null,
    confidence    double precision not null,
    status        varchar(16)      not null,
    source        varchar(16)      not null,
    model         varchar(128)     not null,
    model_version varchar(64)      not null,
    evidence      varchar(4000)    not null,
    created_at    timestamp with time zone not null,
    decided_at    timestamp with time zone,
    primary key (asset_id, flag)
);

create index asset_risks_flag on asset_risks (flag, status);
