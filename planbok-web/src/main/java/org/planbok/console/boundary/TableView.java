package org.planbok.console.boundary;

import java.util.List;
import java.util.function.Function;
import org.planbok.console.control.Slice;

/** One page of a console table: its rows, the page number, its size and the totals. */
public record TableView<T>(List<T> items, int page, int size, long total, int pages) {
  static <S, T> TableView<T> of(Slice<S> slice, Function<S, T> view) {
    return new TableView<>(
        slice.items().stream().map(view).toList(),
        slice.page(),
        slice.size(),
        slice.total(),
        slice.pages());
  }
}
