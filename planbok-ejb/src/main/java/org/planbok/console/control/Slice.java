package org.planbok.console.control;

import java.util.List;

/**
 * One numbered page of a console table and how many rows the whole table has. The console pages by
 * number (a person jumps to page 7); the API pages by cursor.
 */
public record Slice<T>(List<T> items, long total, int page, int size) {
  public int pages() {
    return (int) Math.max(1, (total + size - 1) / size);
  }
}
