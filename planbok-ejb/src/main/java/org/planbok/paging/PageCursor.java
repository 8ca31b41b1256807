package org.planbok.paging;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * Where a page ended: the last item's creation time and id, the keyset every list of the API is
 * ordered by. Opaque to clients: base64url of a version byte, the time in epoch microseconds and
 * the id's 16 bytes. It needs no signature: a forged cursor only moves the caller within what it
 * may list anyway.
 */
public record PageCursor(Instant createdAt, UUID id) {
  private static final byte VERSION = 1;
  private static final int LENGTH = 1 + 8 + 16;

  public static PageCursor after(Instant createdAt, UUID id) {
    return new PageCursor(createdAt, id);
  }

  public String encode() {
    long micros = ChronoUnit.MICROS.between(Instant.EPOCH, createdAt);
    ByteBuffer b = ByteBuffer.allocate(LENGTH);
    b.put(VERSION).putLong(micros);
    b.putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits());
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b.array());
  }

  /** Empty for anything this server did not make (the caller refuses it naming the cursor). */
  public static Optional<PageCursor> decode(String text) {
    if (text == null || text.length() != 34) {
      return Optional.empty();
    }
    byte[] bytes;
    try {
      bytes = Base64.getUrlDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    if (bytes.length != LENGTH || bytes[0] != VERSION) {
      return Optional.empty();
    }
    ByteBuffer b = ByteBuffer.wrap(bytes, 1, LENGTH - 1);
    long micros = b.getLong();
    UUID id = new UUID(b.getLong(), b.getLong());
    if (micros < 0) {
      return Optional.empty();
    }
    PageCursor cursor = new PageCursor(Instant.EPOCH.plus(micros, ChronoUnit.MICROS), id);
    return cursor.encode().equals(text) ? Optional.of(cursor) : Optional.empty();
  }
}
