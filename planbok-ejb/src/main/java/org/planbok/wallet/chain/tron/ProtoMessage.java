package org.planbok.wallet.chain.tron;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.planbok.wallet.chain.ChainFormatException;

/**
 * One protobuf message read against the fields we accept for it, in the canonical form protobuf
 * writes (and java-tron re-serializes before hashing): fields in ascending number order, a singular
 * field at most once, no singular field set to its proto3 default (0 or empty, which protobuf
 * omits), nothing after the last field. An unknown field number is refused rather than skipped, so
 * nothing can ride along unseen in what the wallet signs.
 */
final class ProtoMessage {
  /** A field of a proto3 message: its number, its name in the .proto, how it is written. */
  record Field(int number, String name, int wireType, boolean repeated) {
    static Field int64(int number, String name) {
      return new Field(number, name, ProtoReader.VARINT, false);
    }

    static Field bytes(int number, String name) {
      return new Field(number, name, ProtoReader.LEN, false);
    }

    static Field repeated(int number, String name) {
      return new Field(number, name, ProtoReader.LEN, true);
    }
  }

  private final String path;
  private final Map<String, List<Object>> values;

  private ProtoMessage(String path, Map<String, List<Object>> values) {
    this.path = path;
    this.values = values;
  }

  /** Reads {@code bytes} as a message of {@code fields}; {@code path} names it in faults. */
  static ProtoMessage read(byte[] bytes, String path, Field... fields) {
    Map<Integer, Field> known = new HashMap<>();
    for (Field f : fields) {
      known.put(f.number(), f);
    }
    ProtoReader r = new ProtoReader(bytes, path);
    Map<String, List<Object>> values = new HashMap<>();
    int previous = 0;
    while (!r.atEnd()) {
      int tag = r.tag();
      int number = tag >>> 3;
      Field field = known.get(number);
      if (field == null) {
        throw new ChainFormatException(path, "unknown field number " + number);
      }
      String at = path + "." + field.name();
      if ((tag & 7) != field.wireType()) {
        throw new ChainFormatException(at, "wrong wire type " + (tag & 7));
      }
      if (number < previous) {
        throw new ChainFormatException(
            at, "out of order: protobuf writes fields by ascending number");
      }
      if (number == previous && !field.repeated()) {
        throw new ChainFormatException(at, "appears twice");
      }
      previous = number;
      Object value = field.wireType() == ProtoReader.VARINT ? r.varint(at) : r.lengthDelimited(at);
      if (!field.repeated() && isDefault(value)) {
        throw new ChainFormatException(
            at, "set to its default value, which a canonical encoding omits");
      }
      values.computeIfAbsent(field.name(), k -> new ArrayList<>()).add(value);
    }
    return new ProtoMessage(path, values);
  }

  private static boolean isDefault(Object value) {
    return value instanceof Long l ? l == 0 : ((byte[]) value).length == 0;
  }

  boolean has(String name) {
    return values.containsKey(name);
  }

  /** A VARINT field as int64 (two's complement), 0 when absent as proto3 reads it. */
  long int64(String name) {
    List<Object> v = values.get(name);
    return v == null ? 0 : (Long) v.get(0);
  }

  /** A LEN field's bytes, empty when absent. */
  byte[] bytes(String name) {
    List<Object> v = values.get(name);
    return v == null ? new byte[0] : ((byte[]) v.get(0)).clone();
  }

  /** A repeated LEN field's entries in order, empty when absent. */
  List<byte[]> repeated(String name) {
    return values.getOrDefault(name, List.of()).stream().map(o -> ((byte[]) o).clone()).toList();
  }

  /** The JSON-style path of a field of this message, for faults. */
  String path(String name) {
    return path + "." + name;
  }

  ChainFormatException fail(String name, String message) {
    return new ChainFormatException(path(name), message);
  }
}
