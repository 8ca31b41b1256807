package org.planbok.wallet.chain.evm;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.planbok.wallet.chain.ChainFormatException;
import org.planbok.wallet.chain.Hashes;

/**
 * The {@code types} of an EIP-712 document and the encoding of values by those types (EIP-712
 * §Definition of encodeType, encodeData, hashStruct).
 */
final class TypedDataTypes {
  private static final Pattern NAME = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");
  private static final Pattern ARRAY = Pattern.compile("(.+)\\[([0-9]*)\\]");
  private static final Pattern INT = Pattern.compile("(u?)int([0-9]{1,3})");
  private static final Pattern BYTES_N = Pattern.compile("bytes([0-9]{1,2})");
  private static final Pattern HEX = Pattern.compile("0x([0-9a-fA-F]{2})*");

  record Member(String name, String type) {}

  private final Map<String, List<Member>> structs;

  private TypedDataTypes(Map<String, List<Member>> structs) {
    this.structs = structs;
  }

  static TypedDataTypes parse(Object json, String path) {
    Map<String, List<Member>> structs = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : object(json, path).entrySet()) {
      String at = path + "." + e.getKey();
      if (!NAME.matcher(e.getKey()).matches()) {
        throw new ChainFormatException(at, "not a valid struct type name");
      }
      if (!(e.getValue() instanceof List<?> list)) {
        throw new ChainFormatException(at, "a struct type is an array of {name, type}");
      }
      List<Member> members = new ArrayList<>();
      for (int i = 0; i < list.size(); i++) {
        String m = at + "[" + i + "]";
        Map<String, Object> member = object(list.get(i), m);
        if (member.size() != 2
            || !(member.get("name") instanceof String name)
            || !(member.get("type") instanceof String type)) {
          throw new ChainFormatException(m, "a member is exactly {\"name\": …, \"type\": …}");
        }
        if (!NAME.matcher(name).matches()) {
          throw new ChainFormatException(m + ".name", "not a valid member name");
        }
        if (members.stream().anyMatch(x -> x.name().equals(name))) {
          throw new ChainFormatException(m + ".name", "duplicate member \"" + name + "\"");
        }
        members.add(new Member(name, type));
      }
      structs.put(e.getKey(), List.copyOf(members));
    }
    TypedDataTypes types = new TypedDataTypes(structs);
    for (Map.Entry<String, List<Member>> e : structs.entrySet()) {
      for (int i = 0; i < e.getValue().size(); i++) {
        types.checkType(e.getValue().get(i).type(), path + "." + e.getKey() + "[" + i + "].type");
      }
    }
    return types;
  }

  boolean defines(String type) {
    return structs.containsKey(type);
  }

  private void checkType(String type, String at) {
    Matcher array = ARRAY.matcher(type);
    if (array.matches()) {
      if (!array.group(2).isEmpty()) {
        arrayLength(array.group(2), at);
      }
      checkType(array.group(1), at);
      return;
    }
    if (!structs.containsKey(type)
        && !isAtomic(type)
        && !type.equals("string")
        && !type.equals("bytes")) {
      throw new ChainFormatException(at, "unknown type \"" + type + "\"");
    }
  }

  private static boolean isAtomic(String type) {
    if (type.equals("address") || type.equals("bool")) {
      return true;
    }
    Matcher i = INT.matcher(type);
    if (i.matches()) {
      int bits = Integer.parseInt(i.group(2));
      return bits >= 8 && bits <= 256 && bits % 8 == 0 && !i.group(2).startsWith("0");
    }
    Matcher b = BYTES_N.matcher(type);
    if (b.matches()) {
      int n = Integer.parseInt(b.group(1));
      return n >= 1 && n <= 32 && !b.group(1).startsWith("0");
    }
    return false;
  }

  private static int arrayLength(String digits, String at) {
    if (digits.length() > 4 || digits.startsWith("0")) {
      throw new ChainFormatException(at, "array length must be between 1 and 9999");
    }
    return Integer.parseInt(digits);
  }

  /** encodeType: the type then its referenced struct types sorted by name. */
  String encodeType(String type) {
    TreeSet<String> deps = new TreeSet<>();
    collect(type, deps);
    deps.remove(type);
    StringBuilder out = new StringBuilder();
    out.append(declaration(type));
    deps.forEach(d -> out.append(declaration(d)));
    return out.toString();
  }

  private void collect(String type, TreeSet<String> found) {
    String base = baseType(type);
    if (!structs.containsKey(base) || !found.add(base)) {
      return;
    }
    structs.get(base).forEach(m -> collect(m.type(), found));
  }

  private static String baseType(String type) {
    int bracket = type.indexOf('[');
    return bracket < 0 ? type : type.substring(0, bracket);
  }

  private String declaration(String type) {
    StringBuilder out = new StringBuilder(type).append('(');
    List<Member> members = structs.get(type);
    for (int i = 0; i < members.size(); i++) {
      out.append(i == 0 ? "" : ",").append(members.get(i).type()).append(' ');
      out.append(members.get(i).name());
    }
    return out.append(')').toString();
  }

  /** hashStruct(s) = keccak256(typeHash ‖ encodeData(s)). */
  byte[] hashStruct(String type, Object value, String at) {
    Map<String, Object> object = object(value, at);
    List<Member> members = structs.get(type);
    for (String key : object.keySet()) {
      if (members.stream().noneMatch(m -> m.name().equals(key))) {
        throw new ChainFormatException(at + "." + key, "not a member of " + type);
      }
    }
    List<byte[]> parts = new ArrayList<>();
    parts.add(Hashes.keccak256(TypedData.utf8(encodeType(type))));
    for (Member m : members) {
      if (!object.containsKey(m.name())) {
        throw new ChainFormatException(at + "." + m.name(), "missing member of " + type);
      }
      parts.add(encodeValue(m.type(), object.get(m.name()), at + "." + m.name()));
    }
    return Hashes.keccak256(TypedData.concat(parts));
  }

  /** encodeData of one member value: 32 bytes. */
  private byte[] encodeValue(String type, Object value, String at) {
    Matcher array = ARRAY.matcher(type);
    if (array.matches()) {
      if (!(value instanceof List<?> list)) {
        throw new ChainFormatException(at, "expected an array for " + type);
      }
      if (!array.group(2).isEmpty() && list.size() != arrayLength(array.group(2), at)) {
        throw new ChainFormatException(at, type + " needs " + array.group(2) + " elements");
      }
      List<byte[]> parts = new ArrayList<>();
      for (int i = 0; i < list.size(); i++) {
        parts.add(encodeValue(array.group(1), list.get(i), at + "[" + i + "]"));
      }
      return Hashes.keccak256(TypedData.concat(parts));
    }
    if (structs.containsKey(type)) {
      return hashStruct(type, value, at);
    }
    switch (type) {
      case "string":
        return Hashes.keccak256(TypedData.utf8(string(value, at)));
      case "bytes":
        return Hashes.keccak256(hex(value, at));
      case "bool":
        if (!(value instanceof Boolean b)) {
          throw new ChainFormatException(at, "expected true or false");
        }
        return word(b ? BigInteger.ONE : BigInteger.ZERO);
      case "address":
        return leftPad(EvmAddress.parse(string(value, at), at).toBytes());
      default:
        break;
    }
    Matcher bytesN = BYTES_N.matcher(type);
    if (bytesN.matches()) {
      byte[] b = hex(value, at);
      if (b.length != Integer.parseInt(bytesN.group(1))) {
        throw new ChainFormatException(at, type + " needs exactly " + bytesN.group(1) + " bytes");
      }
      byte[] out = new byte[32];
      System.arraycopy(b, 0, out, 0, b.length);
      return out;
    }
    return word(integer(value, type, at));
  }

  /**
   * An integer given as a JSON integer, a decimal string or a {@code 0x} hex string (the forms
   * wallets accept), checked against the range of {@code uintN}/{@code intN}.
   */
  static BigInteger integer(Object value, String type, String at) {
    BigInteger v;
    if (value instanceof StrictJson.Number n && n.literal().matches("-?(0|[1-9][0-9]*)")) {
      v = new BigInteger(n.literal());
    } else if (value instanceof String s && s.matches("-?(0|[1-9][0-9]{0,79})")) {
      v = new BigInteger(s);
    } else if (value instanceof String s && s.matches("0x[0-9a-fA-F]{1,64}")) {
      v = new BigInteger(s.substring(2), 16);
    } else {
      throw new ChainFormatException(at, "expected an integer for " + type);
    }
    Matcher m = INT.matcher(type);
    if (!m.matches()) {
      throw new IllegalStateException("not an integer type: " + type);
    }
    int bits = Integer.parseInt(m.group(2));
    boolean signed = m.group(1).isEmpty();
    BigInteger min = signed ? BigInteger.ONE.shiftLeft(bits - 1).negate() : BigInteger.ZERO;
    BigInteger max = BigInteger.ONE.shiftLeft(signed ? bits - 1 : bits).subtract(BigInteger.ONE);
    if (v.compareTo(min) < 0 || v.compareTo(max) > 0) {
      throw new ChainFormatException(at, v + " is out of range for " + type);
    }
    return v;
  }

  /** A 32-byte big-endian two's complement word. */
  private static byte[] word(BigInteger v) {
    byte[] b = v.toByteArray();
    byte[] out = new byte[32];
    if (v.signum() < 0) {
      java.util.Arrays.fill(out, (byte) 0xff);
    }
    int len = Math.min(b.length, 32);
    System.arraycopy(b, b.length - len, out, 32 - len, len);
    return out;
  }

  private static byte[] leftPad(byte[] b) {
    byte[] out = new byte[32];
    System.arraycopy(b, 0, out, 32 - b.length, b.length);
    return out;
  }

  private static String string(Object value, String at) {
    if (!(value instanceof String s)) {
      throw new ChainFormatException(at, "expected a string");
    }
    return s;
  }

  private static byte[] hex(Object value, String at) {
    String s = string(value, at);
    if (!HEX.matcher(s).matches()) {
      throw new ChainFormatException(at, "expected 0x-prefixed hex with an even number of digits");
    }
    return HexFormat.of().parseHex(s.substring(2));
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> object(Object value, String at) {
    if (!(value instanceof Map<?, ?>)) {
      throw new ChainFormatException(at, "expected a JSON object");
    }
    return (Map<String, Object>) value;
  }
}
