package io.vitrine.ingest;

import java.util.Optional;

/**
 * What a folder import has already done, per file, so an interrupted import resumes without
 * re-reading files it finished. Contract: {@link #record} replaces the entry for the same root and
 * path.
 */
public interface ImportJournal {

    Optional<Entry> find(String root, String path);

    void record(Entry entry);

    record Entry(String root, String path, long bytes, long modifiedAt, String outcome, String assetId, String reason) {}
}
