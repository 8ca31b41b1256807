package org.planbok.wallet.chain.near;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import org.planbok.mpc.hd.Base58;
import org.planbok.wallet.chain.ChainFormatException;
import org.planbok.wallet.chain.Ed25519Key;
import org.planbok.wallet.chain.Hashes;

/**
 * A NEAR transaction (the {@code Transaction} V0 struct of nearcore) in the borsh bytes a client
 * built: {@code signer_id: String, public_key: PublicKey, nonce: u64, receiver_id: String,
 * block_hash: [u8; 32], actions: Vec<Action>}. It is signed as ed25519 over {@code SHA-256(bytes)};
 * the signed transaction is {@code bytes ‖ Signature} with the signature as borsh enum {@code 0 ‖
 * 64 bytes}.
 *
 * <p>The bytes are parsed to the end, every action included, so nothing can hide after what we
 * checked; the public key field must be our key. The signer id may be the implicit account of the
 * key or a named account that holds it as an access key, so it is checked for form only.
 */
public final class NearTransaction {
  public static final int MAX_BYTES = 64 * 1024;
  private static final int ED25519 = 0;
  private static final Pattern ACCOUNT_ID =
      Pattern.compile("(?=.{2,64}$)[a-z0-9]+([-_][a-z0-9]+)*(\\.[a-z0-9]+([-_][a-z0-9]+)*)*");

  private final byte[] bytes;
  private final String signerId;
  private final String receiverId;
  private final List<NearAction> actions;

  private NearTransaction(
      byte[] bytes, String signerId, String receiverId, List<NearAction> actions) {
    this.bytes = bytes;
    this.signerId = signerId;
    this.receiverId = receiverId;
    this.actions = List.copyOf(actions);
  }

  /** Parses the borsh bytes and requires their public key to be {@code signer}. */
  public static NearTransaction parse(byte[] transaction, Ed25519Key signer) {
    if (transaction == null || transaction.length == 0) {
      throw new ChainFormatException("transaction", "empty");
    }
    if (transaction.length > MAX_BYTES) {
      throw new ChainFormatException("transaction", "longer than " + MAX_BYTES + " bytes");
    }
    BorshReader r = new BorshReader(transaction);
    String signerId = accountId(r, "signerId");
    int keyType = r.u8("publicKey");
    if (keyType != ED25519) {
      throw r.fail("publicKey", "not an ed25519 key");
    }
    if (!signer.matches(r.bytes(32, "publicKey"))) {
      throw new ChainFormatException("transaction.publicKey", "not this wallet's key");
    }
    r.unsigned(8, "nonce");
    String receiverId = accountId(r, "receiverId");
    r.bytes(32, "blockHash");
    long count = r.u32("actions");
    if (count == 0 || count > 100) {
      throw r.fail("actions", "a transaction has 1 to 100 actions");
    }
    List<NearAction> actions = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      actions.add(NearActions.read(r, "actions[" + i + "]"));
    }
    if (!r.atEnd()) {
      throw r.fail("actions", "trailing bytes after the last action");
    }
    return new NearTransaction(transaction.clone(), signerId, receiverId, actions);
  }

  /** Whether {@code id} is a valid NEAR account id (2 to 64 characters, nearcore's rules). */
  public static boolean isAccountId(String id) {
    return id != null && ACCOUNT_ID.matcher(id).matches();
  }

  static String accountId(BorshReader r, String what) {
    String id = r.string(what);
    if (!ACCOUNT_ID.matcher(id).matches()) {
      throw r.fail(what, "not a valid NEAR account id");
    }
    return id;
  }

  public String signerId() {
    return signerId;
  }

  public String receiverId() {
    return receiverId;
  }

  public int actionCount() {
    return actions.size();
  }

  /** The actions in order, with what each moves out of the account. */
  public List<NearAction> actions() {
    return actions;
  }

  /** The bytes as the client sent them. */
  public byte[] bytes() {
    return bytes.clone();
  }

  /** SHA-256 of the borsh bytes: what the ed25519 key signs, and the transaction hash. */
  public byte[] hash() {
    return Hashes.sha256(bytes);
  }

  /** The transaction hash as explorers and RPC show it (Base58). */
  public String hashBase58() {
    return Base58.encode(hash());
  }

  /** {@code SignedTransaction}: the transaction bytes then the borsh signature (0 ‖ 64 bytes). */
  public byte[] sign(byte[] signature, Ed25519Key signer) {
    signer.requireSignature(signature, hash());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(bytes);
    out.write(ED25519);
    out.writeBytes(signature);
    return out.toByteArray();
  }

  /** The signed transaction in base64, as {@code broadcast_tx_commit} takes it. */
  public String signBase64(byte[] signature, Ed25519Key signer) {
    return Base64.getEncoder().encodeToString(sign(signature, signer));
  }
}
