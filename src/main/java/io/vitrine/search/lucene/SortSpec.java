package io.vitrine.search.lucene;

import io.vitrine.search.SearchQuery.SortOrder;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;

/**
 * Every order ends on the asset id, so the order is total and a cursor of (value, id) pages
 * without repeating or skipping. Assets without a date come last in both date orders.
 */
final class SortSpec {

    private static final SortField BY_ID = new SortField(IndexSchema.ID, SortField.Type.STRING);
    private static final Sort RELEVANCE = new Sort(SortField.FIELD_SCORE, BY_ID);
    private static final Sort DATE_DESC = new Sort(
            new SortField(IndexSchema.DATE, SortField.Type.LONG, true, Long.MIN_VALUE), BY_ID);
    private static final Sort DATE_ASC = new Sort(
            new SortField(IndexSchema.DATE, SortField.Type.LONG, false, Long.MAX_VALUE), BY_ID);

    private SortSpec() {}

    static Sort sort(SortOrder order) {
        return switch (order) {
            case RELEVANCE -> RELEVANCE;
            case DATE_DESC -> DATE_DESC;
            case DATE_ASC -> DATE_ASC;
        };
    }
}
