-- Licence terms beyond channel, region and period: which media a licence covers (comma-separated
-- image, video, audio, document; '' = all), exclusivity, the people or property a release covers,
-- and the signed documents kept with a licence. Runs unchanged on H2 and PostgreSQL 15.
alter table licences add column media varchar(64) default '' not null;
alter table licences add column exclusive boolean default false not null;
alter table licences add column covers varchar(4000);

create table licence_documents (
    id          varchar(32)   primary key,
    licence_id  varchar(32)   not null references licences (id) on delete cascade,
    filename    varchar(1024) not null,
    media_type  varchar(255)  not null,
    sha256      char(64)      not null,
    bytes       bigint        not null,
    added_at    timestamp with time zone not null
);
create index licence_documents_licence on licence_documents (licence_id);
