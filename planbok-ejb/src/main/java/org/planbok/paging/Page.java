package org.planbok.paging;

import java.util.List;
import java.util.Optional;

/** One page of a list and, when there may be more, where the next page starts. */
public record Page<T>(List<T> items, Optional<PageCursor> next) {}
