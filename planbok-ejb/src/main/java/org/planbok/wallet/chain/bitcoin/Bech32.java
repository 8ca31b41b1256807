package org.planbok.wallet.chain.bitcoin;

import java.io.ByteArrayOutputStream;
import java.util.Locale;
import org.planbok.wallet.chain.ChainFormatException;

/**
 * Segregated witness addresses: bech32 for version 0 (BIP173) and bech32m for versions 1 to 16
 * (BIP350). Decoding checks the checksum variant against the witness version, the program length
 * and the padding, as the BIPs' reference decoders do.
 */
public final class Bech32 {
  private static final String CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
  private static final int BECH32 = 1;
  private static final int BECH32M = 0x2bc830a3;
  private static final int[] GENERATOR = {
    0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3
  };

  /** A decoded witness program. */
  public record WitnessProgram(int version, byte[] program) {
    public WitnessProgram {
      program = program.clone();
    }

    @Override
    public byte[] program() {
      return program.clone();
    }

    /** The output script: OP_n and a push of the program. */
    public byte[] scriptPubKey() {
      byte[] out = new byte[program.length + 2];
      out[0] = (byte) (version == 0 ? 0 : 0x50 + version);
      out[1] = (byte) program.length;
      System.arraycopy(program, 0, out, 2, program.length);
      return out;
    }
  }

  private Bech32() {}

  /** Encodes a witness program as an address for {@code hrp}. */
  public static String encode(String hrp, int version, byte[] program) {
    checkProgram(version, program, "address");
    byte[] data = new byte[1 + (program.length * 8 + 4) / 5];
    data[0] = (byte) version;
    byte[] five = convertBits(program, 8, 5, true, "address");
    System.arraycopy(five, 0, data, 1, five.length);
    int constant = version == 0 ? BECH32 : BECH32M;
    int checksum = polymod(expand(hrp), data, new byte[6]) ^ constant;
    StringBuilder out = new StringBuilder(hrp).append('1');
    for (byte b : data) {
      out.append(CHARSET.charAt(b));
    }
    for (int i = 0; i < 6; i++) {
      out.append(CHARSET.charAt((checksum >>> (5 * (5 - i))) & 31));
    }
    return out.toString();
  }

  /** Decodes a segwit address of network {@code hrp}; {@code field} names it in errors. */
  public static WitnessProgram decode(String hrp, String address, String field) {
    if (address == null || address.length() > 90 || address.length() < 8) {
      throw new ChainFormatException(field, "a segwit address is 8 to 90 characters");
    }
    if (!address.equals(address.toLowerCase(Locale.ROOT))
        && !address.equals(address.toUpperCase(Locale.ROOT))) {
      throw new ChainFormatException(field, "mixed-case bech32 string");
    }
    String s = address.toLowerCase(Locale.ROOT);
    int sep = s.lastIndexOf('1');
    if (sep < 1 || s.length() - sep - 1 < 6) {
      throw new ChainFormatException(field, "no bech32 separator or data");
    }
    if (!s.substring(0, sep).equals(hrp)) {
      throw new ChainFormatException(field, "not an address of network " + hrp);
    }
    byte[] values = new byte[s.length() - sep - 1];
    for (int i = 0; i < values.length; i++) {
      int v = CHARSET.indexOf(s.charAt(sep + 1 + i));
      if (v < 0) {
        throw new ChainFormatException(field, "invalid bech32 character");
      }
      values[i] = (byte) v;
    }
    int check = polymod(expand(hrp), values, new byte[0]);
    byte[] data = java.util.Arrays.copyOf(values, values.length - 6);
    if (data.length < 1) {
      throw new ChainFormatException(field, "no witness version");
    }
    int version = data[0];
    int expected = version == 0 ? BECH32 : BECH32M;
    if (check != expected) {
      throw new ChainFormatException(field, "bad checksum (BIP173/BIP350)");
    }
    byte[] program =
        convertBits(java.util.Arrays.copyOfRange(data, 1, data.length), 5, 8, false, field);
    checkProgram(version, program, field);
    return new WitnessProgram(version, program);
  }

  private static void checkProgram(int version, byte[] program, String field) {
    if (version < 0 || version > 16) {
      throw new ChainFormatException(field, "witness version must be 0 to 16");
    }
    if (program.length < 2 || program.length > 40) {
      throw new ChainFormatException(field, "witness program must be 2 to 40 bytes");
    }
    if (version == 0 && program.length != 20 && program.length != 32) {
      throw new ChainFormatException(field, "a version 0 program is 20 or 32 bytes");
    }
  }

  private static byte[] expand(String hrp) {
    byte[] out = new byte[hrp.length() * 2 + 1];
    for (int i = 0; i < hrp.length(); i++) {
      out[i] = (byte) (hrp.charAt(i) >> 5);
      out[i + hrp.length() + 1] = (byte) (hrp.charAt(i) & 31);
    }
    return out;
  }

  private static int polymod(byte[]... parts) {
    int chk = 1;
    for (byte[] part : parts) {
      for (byte v : part) {
        int top = chk >>> 25;
        chk = ((chk & 0x1ffffff) << 5) ^ v;
        for (int i = 0; i < 5; i++) {
          if (((top >>> i) & 1) != 0) {
            chk ^= GENERATOR[i];
          }
        }
      }
    }
    return chk;
  }

  /** BIP173 convertbits; without padding, refuses leftover bits that are not zero padding. */
  private static byte[] convertBits(byte[] in, int from, int to, boolean pad, String field) {
    int acc = 0;
    int bits = 0;
    int maxv = (1 << to) - 1;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte b : in) {
      int value = b & 0xff;
      acc = (acc << from) | value;
      bits += from;
      while (bits >= to) {
        bits -= to;
        out.write((acc >>> bits) & maxv);
      }
    }
    if (pad) {
      if (bits > 0) {
        out.write((acc << (to - bits)) & maxv);
      }
    } else if (bits >= from || ((acc << (to - bits)) & maxv) != 0) {
      throw new ChainFormatException(field, "invalid bech32 padding");
    }
    return out.toByteArray();
  }
}
