-- Faces and read text (issue 4, item 5). Runs unchanged on H2 and PostgreSQL 15. Never edit after release.

-- One row per face a detector found on an asset's preview. The box and landmarks are fractions of
-- the image's width and height (0..1), so they hold for the original and every rendition alike.
-- status is draft until a person decides (accepted: a real face; rejected: not a face).
create table asset_faces (
    asset_id      varchar(32)      not null references assets (id) on delete cascade,
    face_no       integer          not null,
    box_x         double precision not null,
    box_y         double precision not null,
    box_w         double precision not null,
    box_h         double precision not null,
    landmarks     varchar(400),
    confidence    double precision not null,
    status        varchar(16)      not null,
    model         varchar(128)     not null,
    model_version varchar(64)      not null,
    created_at    timestamp with time zone not null,
    decided_at    timestamp with time zone,
    primary key (asset_id, face_no)
);

-- Text read off an asset (source ocr; later transcripts), with its detected language.
create table asset_text (
    asset_id      varchar(32)      not null references assets (id) on delete cascade,
    source        varchar(16)      not null,
    language      varchar(16),
    content       text             not null,
    confidence    double precision not null,
    status        varchar(16)      not null,
    model         varchar(128)     not null,
    model_version varchar(64)      not null,
    created_at    timestamp with time zone not null,
    decided_at    timestamp with time zone,
    primary key (asset_id, source)
);
