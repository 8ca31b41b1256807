package org.planbok.wallet.chain.solana;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.planbok.mpc.hd.Base58;
import org.planbok.wallet.chain.ChainFormatException;
import org.planbok.wallet.chain.Ed25519Key;

/**
 * A Solana transaction message, legacy or version 0, as a client serializes it ({@code
 * Transaction.serializeMessage()}, {@code VersionedMessage.serialize()}): header, account keys,
 * recent blockhash, instructions and, for v0, address-table lookups. What an ed25519 signer signs
 * is exactly these bytes.
 *
 * <p>The parser checks the structure as the Solana runtime's sanitizer does (header counts
 * consistent with the keys, the fee payer writable, no duplicate keys, every index in range,
 * nothing after the last field) and that our key is one of the required signers.
 */
public final class SolanaMessage {
  /** A whole transaction fits one 1232-byte packet (IPv6 MTU minus headers). */
  public static final int MAX_BYTES = 1232;

  private static final int VERSION_PREFIX = 0x80;

  private final byte[] bytes;
  private final int requiredSignatures;
  private final int signerIndex;
  private final int version;
  private final List<SolanaInstruction> instructions;

  private SolanaMessage(
      byte[] bytes,
      int requiredSignatures,
      int signerIndex,
      int version,
      List<SolanaInstruction> instructions) {
    this.bytes = bytes;
    this.requiredSignatures = requiredSignatures;
    this.signerIndex = signerIndex;
    this.version = version;
    this.instructions = List.copyOf(instructions);
  }

  /** Parses {@code message} and finds {@code signer} among the required signers. */
  public static SolanaMessage parse(byte[] message, Ed25519Key signer) {
    if (message == null || message.length == 0) {
      throw new ChainFormatException("message", "empty");
    }
    if (message.length > MAX_BYTES) {
      throw new ChainFormatException("message", "longer than " + MAX_BYTES + " bytes");
    }
    MessageReader r = new MessageReader(message);
    int version = -1;
    int first = message[0] & 0xff;
    if ((first & VERSION_PREFIX) != 0) {
      version = first & 0x7f;
      r.u8("version");
      if (version != 0) {
        throw r.fail("message version " + version + " is not supported (legacy and v0 are)");
      }
    }
    int required = r.u8("header.numRequiredSignatures");
    int readonlySigned = r.u8("header.numReadonlySignedAccounts");
    int readonlyUnsigned = r.u8("header.numReadonlyUnsignedAccounts");
    int keyCount = r.compactU16("accountKeys");
    List<byte[]> keys = new ArrayList<>();
    Set<String> distinct = new HashSet<>();
    for (int i = 0; i < keyCount; i++) {
      byte[] key = r.bytes(32, "accountKeys[" + i + "]");
      if (!distinct.add(HexFormat.of().formatHex(key))) {
        throw r.fail("accountKeys[" + i + "] is a duplicate");
      }
      keys.add(key);
    }
    if (required == 0 || required > keyCount) {
      throw r.fail("header: required signatures must be 1 to the number of account keys");
    }
    if (readonlySigned >= required) {
      throw r.fail("header: the fee payer must be a writable signer");
    }
    if (readonlyUnsigned > keyCount - required) {
      throw r.fail("header: more read-only unsigned accounts than unsigned accounts");
    }
    r.bytes(32, "recentBlockhash");
    int instructionCount = r.compactU16("instructions");
    List<int[]> indices = new ArrayList<>();
    List<byte[]> data = new ArrayList<>();
    for (int i = 0; i < instructionCount; i++) {
      String at = "instructions[" + i + "]";
      int program = r.u8(at + ".programIdIndex");
      int accounts = r.compactU16(at + ".accounts");
      int[] used = new int[accounts + 1];
      used[0] = program;
      for (int a = 0; a < accounts; a++) {
        used[a + 1] = r.u8(at + ".accounts[" + a + "]");
      }
      data.add(r.bytes(r.compactU16(at + ".data"), at + ".data"));
      if (program == 0) {
        throw r.fail(at + ": the fee payer cannot be the program");
      }
      indices.add(used);
    }
    int loaded = 0;
    if (version == 0) {
      int lookups = r.compactU16("addressTableLookups");
      for (int i = 0; i < lookups; i++) {
        String at = "addressTableLookups[" + i + "]";
        r.bytes(32, at + ".accountKey");
        int writable = r.compactU16(at + ".writableIndexes");
        r.bytes(writable, at + ".writableIndexes");
        int readonly = r.compactU16(at + ".readonlyIndexes");
        r.bytes(readonly, at + ".readonlyIndexes");
        if (writable + readonly == 0) {
          throw r.fail(at + " loads no account");
        }
        loaded += writable + readonly;
      }
    }
    if (!r.atEnd()) {
      throw r.fail("trailing bytes after the message");
    }
    int total = keyCount + loaded;
    if (total > 256) {
      throw r.fail("more than 256 accounts");
    }
    for (int i = 0; i < indices.size(); i++) {
      if (indices.get(i)[0] >= keyCount) {
        throw r.fail("instructions[" + i + "]: the program must be a static account key");
      }
      for (int index : indices.get(i)) {
        if (index >= total) {
          throw r.fail("instructions[" + i + "] refers to account " + index + " of " + total);
        }
      }
    }
    int signerIndex = -1;
    for (int i = 0; i < required; i++) {
      if (signer.matches(keys.get(i))) {
        signerIndex = i;
      }
    }
    if (signerIndex < 0) {
      throw new ChainFormatException(
          "message", "this wallet's key is not among the message's required signers");
    }
    List<SolanaInstruction> parsed = new ArrayList<>();
    for (int i = 0; i < indices.size(); i++) {
      int[] used = indices.get(i);
      List<byte[]> accounts = new ArrayList<>();
      for (int a = 1; a < used.length; a++) {
        // An account loaded from an address table is not in the message: null, unknown here.
        accounts.add(used[a] < keyCount ? keys.get(used[a]) : null);
      }
      parsed.add(new SolanaInstruction(keys.get(used[0]), accounts, data.get(i)));
    }
    return new SolanaMessage(message.clone(), required, signerIndex, version, parsed);
  }

  /** The instructions in order, with their program and accounts resolved where the message can. */
  public List<SolanaInstruction> instructions() {
    return instructions;
  }

  /** The exact bytes the ed25519 signature covers. */
  public byte[] bytesToSign() {
    return bytes.clone();
  }

  public int requiredSignatures() {
    return requiredSignatures;
  }

  /** Our position among the signers; 0 means we pay the fee. */
  public int signerIndex() {
    return signerIndex;
  }

  /** 0 for a v0 message, -1 for a legacy one. */
  public int version() {
    return version;
  }

  /**
   * The wire transaction: compact-u16 signature count, the signatures in signer order, the message.
   * Our signature goes in our slot; the slots of other signers stay zero for them to fill (a
   * transaction is only valid once all are filled).
   */
  public SignedSolanaTransaction sign(byte[] signature, Ed25519Key signer) {
    signer.requireSignature(signature, bytes);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CompactU16.write(out, requiredSignatures);
    for (int i = 0; i < requiredSignatures; i++) {
      out.writeBytes(i == signerIndex ? signature : new byte[64]);
    }
    out.writeBytes(bytes);
    return new SignedSolanaTransaction(out.toByteArray(), Base58.encode(signature));
  }

  /** The message as a client sends it in JSON, base64. */
  public String base64() {
    return Base64.getEncoder().encodeToString(bytes);
  }
}
