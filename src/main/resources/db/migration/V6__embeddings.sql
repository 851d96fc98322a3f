-- Embeddings are derived data, but the database keeps them so the search index can be rebuilt
-- without re-running models. One row per asset and embedding space (model + version).
create table asset_vectors (
    asset_id    varchar(32)  not null references assets (id) on delete cascade,
    space       varchar(128) not null,
    dims        integer      not null,
    data        text         not null,
    inputs_hash char(64)     not null,
    created_at  timestamp with time zone not null,
    primary key (asset_id, space)
);
