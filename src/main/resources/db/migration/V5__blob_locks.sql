-- One row per content hash ever locked: SELECT … FOR UPDATE on it serializes, across every node
-- sharing the database, the "is this content already stored?" decisions (ingest) and the
-- "is this blob still used?" decisions (purge).
create table blob_locks (
    sha256 char(64) primary key
);
