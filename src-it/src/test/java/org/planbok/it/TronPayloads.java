package org.planbok.it;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.UnknownFieldSet;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Consumer;

/**
 * Tron transactions written and read with protobuf-java's generic wire API (CodedOutputStream,
 * UnknownFieldSet), following java-tron's {@code core/Tron.proto} numbers: {@code Transaction.raw}
 * ref_block_bytes 1, ref_block_hash 4, expiration 8, contract 11, timestamp 14, fee_limit 18;
 * {@code Contract} type 1, parameter 2 ({@code google.protobuf.Any}: type_url 1, value 2); {@code
 * TransferContract} owner_address 1, to_address 2, amount 3; {@code TriggerSmartContract}
 * owner_address 1, contract_address 2, call_value 3, data 4.
 */
final class TronPayloads {
  private TronPayloads() {}

  /** A TRX transfer of {@code sun} from {@code owner} to {@code to} (21-byte addresses). */
  static byte[] transfer(byte[] owner, byte[] to, long sun, long expiration) {
    byte[] value =
        message(
            c -> {
              bytes(c, 1, owner);
              bytes(c, 2, to);
              int64(c, 3, sun);
            });
    return raw(1, "type.googleapis.com/protocol.TransferContract", value, expiration, 0);
  }

  /** A call of {@code contract} with {@code data}, as TronWeb's triggerSmartContract builds it. */
  static byte[] trigger(byte[] owner, byte[] contract, byte[] data, long expiration) {
    byte[] value =
        message(
            c -> {
              bytes(c, 1, owner);
              bytes(c, 2, contract);
              bytes(c, 4, data);
            });
    return raw(
        31, "type.googleapis.com/protocol.TriggerSmartContract", value, expiration, 30_000_000);
  }

  private static byte[] raw(
      int type, String typeUrl, byte[] value, long expiration, long feeLimit) {
    byte[] any =
        message(
            c -> {
              bytes(c, 1, typeUrl.getBytes(java.nio.charset.StandardCharsets.UTF_8));
              bytes(c, 2, value);
            });
    byte[] contract =
        message(
            c -> {
              int64(c, 1, type);
              bytes(c, 2, any);
            });
    return message(
        c -> {
          bytes(c, 1, new byte[] {0x3c, 0x5d});
          bytes(c, 4, new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
          int64(c, 8, expiration);
          bytes(c, 11, contract);
          int64(c, 14, expiration - 60_000);
          if (feeLimit != 0) {
            int64(c, 18, feeLimit);
          }
        });
  }

  /** A signed {@code Transaction} decoded generically: raw_data (field 1) and signatures (2). */
  record Signed(List<ByteString> rawData, List<ByteString> signatures, int fieldCount) {
    static Signed decode(byte[] transaction) throws IOException {
      UnknownFieldSet fields = UnknownFieldSet.parseFrom(transaction);
      return new Signed(
          fields.getField(1).getLengthDelimitedList(),
          fields.getField(2).getLengthDelimitedList(),
          fields.asMap().size());
    }
  }

  private static byte[] message(Consumer<CodedOutputStream> fields) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CodedOutputStream c = CodedOutputStream.newInstance(out);
    fields.accept(c);
    try {
      c.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static void bytes(CodedOutputStream c, int number, byte[] value) {
    try {
      c.writeByteArray(number, value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void int64(CodedOutputStream c, int number, long value) {
    try {
      c.writeInt64(number, value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
