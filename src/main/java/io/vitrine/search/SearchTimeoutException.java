package io.vitrine.search;

/** A search ran past its time budget and was stopped, so it cannot slow the server for others; maps to 503. */
public class SearchTimeoutException extends RuntimeException {
    public SearchTimeoutException(long millis) {
        super("the search took longer than " + millis + " ms and was stopped; narrow it (fewer words, a filter, a date range)");
    }
}
