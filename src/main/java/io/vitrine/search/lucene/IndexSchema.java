package io.vitrine.search.lucene;

import io.vitrine.search.Facet;
import java.util.Map;
import org.apache.lucene.facet.FacetsConfig;

/**
 * Field names, boosts and facet configuration of the index. Bump {@link #VERSION} whenever a
 * change here or in the analyzers makes existing documents wrong: the index is then wiped on open
 * and rebuilt from the database.
 */
final class IndexSchema {

    static final String VERSION = "7"; // 7: collections and the multi-valued risk facet
    static final String VERSION_KEY = "vitrine.schema.version";
    /** Commit data: "true" only in the commit of a clean close; every other commit says "false". */
    static final String CLEAN_KEY = "vitrine.closed.cleanly";
    /** {@link io.vitrine.search.IndexDocument#fingerprint()}, 16 bytes of binary doc values: tells stale documents apart. */
    static final String FINGERPRINT = "fingerprint";

    static final String ID = "id";
    static final String DATE = "date";
    static final String MEDIA_MAJOR = "mediaMajor";
    /** One term per market the asset is restricted to, or {@link #EVERYWHERE} when unrestricted. */
    static final String REGION = "region";
    static final String EVERYWHERE = "*";
    /** One term per collection the asset is in (for callers limited to collections); none when in no collection. */
    static final String COLLECTION = "collection";

    static final String FILENAME = "filename";
    static final String TITLE = "title";
    static final String DESCRIPTION = "description";
    static final String KEYWORDS = "keywords";
    static final String CREATOR = "creator";
    static final String COPYRIGHT = "copyright";
    static final String CAMERA_MAKE = "cameraMake";
    static final String CAMERA_MODEL = "cameraModel";
    static final String TEXT = "text";
    static final String CUSTOM = "custom";
    static final String TAGS = "tags";

    /** Free-text fields and their BM25 boosts: what the user named it beats what it contains. */
    static final Map<String, Float> WEIGHTS = Map.ofEntries(
            Map.entry(TITLE, 3.0f),
            Map.entry(KEYWORDS, 2.5f),
            Map.entry(FILENAME, 2.0f),
            Map.entry(DESCRIPTION, 1.5f),
            Map.entry(CREATOR, 1.0f),
            Map.entry(CAMERA_MAKE, 1.0f),
            Map.entry(CAMERA_MODEL, 1.0f),
            Map.entry(COPYRIGHT, 0.5f),
            Map.entry(CUSTOM, 0.5f),
            Map.entry(TEXT, 0.7f),
            Map.entry(TAGS, 1.5f));

    /** Facet values longer than this are cut: Lucene rejects terms over 32 KiB. */
    static final int MAX_FACET_VALUE_CHARS = 256;

    private IndexSchema() {}

    static FacetsConfig facetsConfig() {
        FacetsConfig config = new FacetsConfig();
        config.setMultiValued(Facet.KEYWORDS.apiName(), true);
        config.setMultiValued(Facet.RISK.apiName(), true);
        return config;
    }
}
