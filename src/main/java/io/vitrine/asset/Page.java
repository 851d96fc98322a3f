package io.vitrine.asset;

import java.util.List;

/** A page of a cursor-paginated list; {@code nextCursor} is null on the last page. */
public record Page<T>(List<T> items, String nextCursor) {}
