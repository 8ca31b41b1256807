package org.planbok.mpc.garble;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.planbok.mpc.circuit.Circuit;
import org.planbok.mpc.session.AbortReason;
import org.planbok.mpc.session.ProtocolAbort;
import org.planbok.mpc.wire.WireReader;
import org.planbok.mpc.wire.WireWriter;

/**
 * The public part of a garbling: for each AND gate, in gate order, the two half-gate ciphertexts
 * {@code T_G ‖ T_E} (Zahur, Rosulek, Evans 2015, §3), 32 bytes a gate. XOR and NOT gates have none.
 *
 * <p>Tables alone reveal nothing to the evaluator; what it may learn is decided by the labels it is
 * given. A peer's tables are parsed strictly against the circuit both parties agreed on ({@link
 * #fromBytes}, {@link #fromChunks}); whether their contents are honest only shows when the output
 * labels are decoded ({@link OutputDecoding#decode}).
 */
public final class GarbledTables {
  /** Two 16-byte ciphertexts per AND gate. */
  public static final int BYTES_PER_AND = 32;

  /** The most bytes one chunk occupies, header included: a quarter of a gRPC frame. */
  public static final int MAX_CHUNK_BYTES = 1 << 20;

  /**
   * Table bytes per chunk: whole gates, leaving room for the chunk's header (index, count and a
   * length prefix, each at most 8 bytes in {@link WireWriter}'s encoding).
   */
  static final int CHUNK_PAYLOAD = MAX_CHUNK_BYTES - BYTES_PER_AND;

  /** {@code T_G.lo, T_G.hi, T_E.lo, T_E.hi} per AND gate. */
  private final long[] rows;

  /** Takes ownership of {@code rows}, four words per AND gate. */
  GarbledTables(long[] rows) {
    this.rows = rows;
  }

  public int andGates() {
    return rows.length / 4;
  }

  /** {@code u32be(32·andGates) ‖ tables}, as {@link #fromBytes} reads it. */
  public byte[] toBytes() {
    return new WireWriter().bytes(rawBytes()).toBytes();
  }

  /**
   * Reads tables for {@code circuit}: exactly 32 bytes per AND gate, no more, no less.
   *
   * @throws ProtocolAbort {@link AbortReason#MALFORMED_MESSAGE} on any other length
   */
  public static GarbledTables fromBytes(byte[] bytes, Circuit circuit) {
    int length = tableBytes(circuit);
    WireReader reader = new WireReader(bytes);
    byte[] raw = reader.fixedBytes(length);
    reader.end();
    return fromRaw(raw);
  }

  /**
   * The encoding cut into chunks of at most {@link #MAX_CHUNK_BYTES} for a transport whose frames
   * are limited (gRPC: 4 MiB). Each chunk is {@code index ‖ count ‖ payload}; all payloads but the
   * last are full, so there is exactly one way to chunk a given table.
   */
  public List<byte[]> toChunks() {
    byte[] raw = rawBytes();
    int count = chunkCount(raw.length);
    List<byte[]> chunks = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int from = i * CHUNK_PAYLOAD;
      int to = Math.min(raw.length, from + CHUNK_PAYLOAD);
      byte[] payload = Arrays.copyOfRange(raw, from, to);
      chunks.add(new WireWriter().integer(i).integer(count).bytes(payload).toBytes());
    }
    return chunks;
  }

  /**
   * Joins what {@link #toChunks} produced, in order, for {@code circuit}.
   *
   * @throws ProtocolAbort {@link AbortReason#MALFORMED_MESSAGE} if a chunk is missing, repeated,
   *     out of order, of the wrong size, or if there are too many
   */
  public static GarbledTables fromChunks(List<byte[]> chunks, Circuit circuit) {
    int length = tableBytes(circuit);
    int count = chunkCount(length);
    if (chunks == null || chunks.size() != count) {
      throw malformed("expected " + count + " chunks of garbled tables");
    }
    byte[] raw = new byte[length];
    for (int i = 0; i < count; i++) {
      WireReader reader = new WireReader(chunks.get(i));
      if (reader.smallInt() != i || reader.smallInt() != count) {
        throw malformed("garbled-table chunk " + i + " is out of order or from another split");
      }
      int expected = Math.min(CHUNK_PAYLOAD, length - i * CHUNK_PAYLOAD);
      byte[] payload = reader.fixedBytes(expected);
      reader.end();
      System.arraycopy(payload, 0, raw, i * CHUNK_PAYLOAD, expected);
    }
    return fromRaw(raw);
  }

  /** The four words of AND gate {@code and}'s row start at {@code 4 * and}. */
  long[] rows() {
    return rows;
  }

  private byte[] rawBytes() {
    byte[] raw = new byte[rows.length * 8];
    for (int k = 0; k < rows.length; k++) {
      TccrHash.putWord(raw, 8 * k, rows[k]);
    }
    return raw;
  }

  private static GarbledTables fromRaw(byte[] raw) {
    long[] rows = new long[raw.length / 8];
    for (int k = 0; k < rows.length; k++) {
      rows[k] = TccrHash.word(raw, 8 * k);
    }
    return new GarbledTables(rows);
  }

  private static int tableBytes(Circuit circuit) {
    long length = (long) circuit.andGates() * BYTES_PER_AND;
    if (length > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("circuit too large to garble in one array");
    }
    return (int) length;
  }

  /** At least one chunk, so that an empty table still travels as a message. */
  private static int chunkCount(int length) {
    return (int) Math.max(1, ((long) length + CHUNK_PAYLOAD - 1) / CHUNK_PAYLOAD);
  }

  private static ProtocolAbort malformed(String detail) {
    return new ProtocolAbort(AbortReason.MALFORMED_MESSAGE, detail);
  }

  @Override
  public String toString() {
    return "GarbledTables[" + andGates() + " AND gates]";
  }
}
