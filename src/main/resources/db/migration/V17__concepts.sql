-- People's additions to the controlled vocabulary and concepts taught from example images.
-- The shipped concepts stay in src/main/resources/vocabulary; these tables only add to them.
-- Runs unchanged on H2 and PostgreSQL 15.

-- Concepts people created (ids are slugs of at most 32 characters: a concept's background jobs
-- are keyed by its id in jobs.asset_id). broader may name a shipped or a user concept.
create table concepts (
    id          varchar(32)  primary key,
    broader     varchar(128),
    created_by  varchar(128) not null,
    created_at  timestamp with time zone not null,
    updated_at  timestamp with time zone not null
);

-- Labels (one per concept and language, user concepts only) and synonyms (any concept, shipped too).
create table concept_terms (
    concept     varchar(128) not null,
    lang        varchar(8)   not null,
    kind        varchar(8)   not null,
    term        varchar(200) not null,
    position    integer      not null,
    primary key (concept, lang, kind, term)
);
create index concept_terms_concept on concept_terms (concept);

-- The few-shot prototype of a concept: the mean of its positive examples' normalised image
-- embeddings in one space, the acceptance radius (minimum cosine) calibrated from the examples,
-- a version that grows with every teaching, and the state of its run over the library.
create table concept_prototypes (
    concept     varchar(128)  primary key,
    version     integer       not null,
    space       varchar(128)  not null,
    dims        integer       not null,
    vector      text          not null,
    radius      double precision not null,
    positives   varchar(4000) not null,
    negatives   varchar(4000) not null,
    status      varchar(16)   not null,
    tagged      integer       not null,
    error       varchar(4000),
    taught_by   varchar(128)  not null,
    taught_at   timestamp with time zone not null,
    applied_at  timestamp with time zone
);
