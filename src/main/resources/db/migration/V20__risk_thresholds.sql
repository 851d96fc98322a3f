-- Per-flag risk thresholds (issue 4, item 6): a draft risk flag counts for review and search only at
-- or above its flag's threshold, recalibrated from reviewers' accept/reject decisions on that flag the
-- same way concept_thresholds (V3) is for tags. No row = the configured default (VITRINE_RISK_THRESHOLD).
-- Runs unchanged on H2 and PostgreSQL 15. Never edit after release.
create table risk_thresholds (
    flag        varchar(40) primary key,
    threshold   double precision not null,
    accepted    integer not null,
    rejected    integer not null,
    updated_at  timestamp with time zone not null
);
