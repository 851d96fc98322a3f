-- Near-duplicate detection. A fingerprint per asset, computed from its preview rendition
-- (orientation applied): 64-bit dHash and pHash, the pHash of the picture turned 90/180/270 degrees,
-- a 4x4 CIELAB colour grid, oriented dimensions, capture time and camera. band0..band3 are the
-- pHash's four 16-bit quarters, indexed: a lookup probes each band's value and its 16 one-bit
-- neighbours, so every stored pHash within Hamming distance 7 of the query shares a probed band
-- (pigeonhole), without comparing all pairs.
create table asset_fingerprints (
    asset_id       varchar(32)  not null primary key references assets (id) on delete cascade,
    source_sha256  char(64)     not null,
    version        varchar(32)  not null,
    content_sha256 char(64)     not null,
    dhash          bigint       not null,
    phash          bigint       not null,
    phash90        bigint       not null,
    phash180       bigint       not null,
    phash270       bigint       not null,
    colour         varchar(96)  not null,
    band0          integer      not null,
    band1          integer      not null,
    band2          integer      not null,
    band3          integer      not null,
    width          integer,
    height         integer,
    captured_at    timestamp with time zone,
    camera         varchar(256),
    computed_at    timestamp with time zone not null
);
create index asset_fingerprints_band0 on asset_fingerprints (band0);
create index asset_fingerprints_band1 on asset_fingerprints (band1);
create index asset_fingerprints_band2 on asset_fingerprints (band2);
create index asset_fingerprints_band3 on asset_fingerprints (band3);
create index asset_fingerprints_content on asset_fingerprints (content_sha256);

-- One row per unordered pair (asset_a < asset_b). A person's decision (confirmed | dismissed) is
-- kept when a later scan re-classifies the pair; only open pairs are replaced or dropped.
create table duplicate_pairs (
    asset_a    varchar(32)  not null references assets (id) on delete cascade,
    asset_b    varchar(32)  not null references assets (id) on delete cascade,
    verdict    varchar(16)  not null,
    evidence   text         not null,
    status     varchar(16)  not null,
    decided_by varchar(256),
    decided_at timestamp with time zone,
    found_at   timestamp with time zone not null,
    primary key (asset_a, asset_b)
);
create index duplicate_pairs_b on duplicate_pairs (asset_b);
create index duplicate_pairs_review on duplicate_pairs (status, verdict, found_at);
