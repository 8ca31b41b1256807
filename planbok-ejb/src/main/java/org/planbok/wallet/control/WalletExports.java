package org.planbok.wallet.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.logging.Logger;
import org.planbok.audit.control.AuditLog;
import org.planbok.custody.entity.ClientSecret;
import org.planbok.custody.entity.SecretPurpose;
import org.planbok.keys.control.ChildKey;
import org.planbok.keys.control.ExportParts;
import org.planbok.keys.control.Exports;
import org.planbok.mpc.export.ExportHpke;
import org.planbok.node2client.Node2Exports;
import org.planbok.node2client.SessionSpec;
import org.planbok.refusal.Refused;
import org.planbok.wallet.chain.Chain;
import org.planbok.wallet.entity.Wallet;
import org.planbok.webhooks.control.EventData;
import org.planbok.webhooks.control.WebhookEvents;
import org.planbok.webhooks.entity.EventType;

/**
 * Export of a wallet's key to the customer's device (DESIGN §4 Export; issue 12 items 4 and 5): the
 * device's X25519 public key in, the key out in two parts the device adds, both sealed with HPKE to
 * that key: Node 1's part, sealed here, and Node 2's part, sealed by Node 2. A customer's export
 * also needs the device's authorization (its PIN key, its device key, the wallet's key id and path,
 * sealed to Node 2's export key against a fresh challenge), which Node 2 checks; an organization's
 * does not. Needs the secret, is recorded on the wallet and its key, and is logged without any
 * part.
 */
@Stateless
public class WalletExports {
  private static final Logger LOG = Logger.getLogger(WalletExports.class.getName());

  /** The challenge Node 2 mints and the device seals against: 32 bytes. */
  public static final int CHALLENGE_BYTES = 32;

  /**
   * The shortest authorization: enc, then the ciphertext of the five length-prefixed fields (the
   * 31-byte label, the 32-byte PIN key and device key, a key id and a path of at least one byte)
   * and the AES-GCM tag.
   */
  public static final int MIN_AUTHORIZATION_BYTES =
      ExportHpke.ENC_BYTES
          + (4 + 31)
          + (4 + 32)
          + (4 + 32)
          + (4 + 1)
          + (4 + 1)
          + ExportHpke.TAG_BYTES;

  public static final int MAX_AUTHORIZATION_BYTES = 1024;

  @Inject Wallets wallets;
  @Inject Exports exports;
  @Inject Node2Exports node2Exports;
  @Inject AuditLog audit;
  @Inject WebhookEvents events;

  /**
   * A fresh challenge for one export of the wallet, from Node 2: the device seals its authorization
   * against it; single use, valid for a few minutes.
   */
  public Node2Exports.Challenge challenge(Wallet wallet) {
    return node2Exports.challenge(wallet.subject(), wallet.keyId());
  }

  /**
   * Exports the wallet's key. {@code authorization} and {@code challenge} are what the customer's
   * device sent (null for an organization's export); their sizes are checked here, before the
   * secret, and their content by Node 2.
   */
  public SealedExport.Parts export(
      Wallet wallet,
      ClientSecret secret,
      byte[] devicePublicKey,
      ExportFormat format,
      byte[] authorization,
      byte[] challenge) {
    format.requireFor(wallet.chain());
    if (format.needsSeed() && wallet.index() != 0) {
      throw Refused.invalid(
          "format",
          "format: "
              + format.label()
              + " exports the key's seed, and only wallet index 0 (the key itself, path m) has"
              + " one; a derived wallet exports as ed25519-expanded or ed25519-scalar");
    }
    DeviceSeal seal = DeviceSeal.to(devicePublicKey); // a bad device key is refused before the PIN
    String path = pathOf(wallet);
    SessionSpec.ExportTerms terms =
        wallet.subject().isOrganization()
            ? new SessionSpec.ExportTerms(path, null, null)
            : new SessionSpec.ExportTerms(
                path, requireAuthorization(authorization), requireChallenge(challenge));
    ChildKey child = wallets.childKey(wallet);
    String node2Aad = wallet.keyId() + ":" + path;
    SealedExport.Parts sealed =
        exports.export(
            wallet.subject(),
            wallet.keyId(),
            SecretPurpose.unlocking(wallet.subject()),
            secret,
            devicePublicKey,
            child,
            terms,
            parts ->
                new SealedExport.Parts(
                    seal(wallet, path, format, seal, seedChecked(format, parts)),
                    SealedExport.of(parts.node2Sealed(), ExportHpke.NODE2_INFO, node2Aad)));
    wallets.exported(wallet.id());
    // Which wallet went to a device, in which form: never a part, a device key or a ciphertext.
    events.record(
        wallet.organization(),
        wallet.subject(),
        EventType.EXPORT_COMPLETED,
        EventData.of(wallet.subject())
            .with("walletId", wallet.id().toString())
            .with("keyId", wallet.keyId().toString())
            .with("chain", Chains.name(wallet.chain()))
            .with("address", wallet.address())
            .with("path", path)
            .with("format", format.label()));
    audit.append(
        wallet.organization(),
        "wallet.export",
        "wallet:" + wallet.id(),
        "OK",
        Chains.name(wallet.chain())
            + " "
            + wallet.address()
            + " as "
            + format.label()
            + " for "
            + wallet.subject().value());
    LOG.info(
        () ->
            "exported wallet "
                + wallet.id()
                + " ("
                + Chains.name(wallet.chain())
                + " "
                + wallet.address()
                + ") as "
                + format.label()
                + " to a device key, in two sealed parts");
    return sealed;
  }

  /** The wallet's derivation path exactly as the wallet's JSON shows it. */
  public static String pathOf(Wallet wallet) {
    return wallet.chain().path(wallet.format(), wallet.index()).toString();
  }

  private static SealedExport seal(
      Wallet wallet, String path, ExportFormat format, DeviceSeal seal, ExportParts parts) {
    byte[] plaintext = ExportPlaintext.of(wallet, path, format, parts);
    try {
      return seal.seal(ExportHpke.NODE1_INFO, wallet.id().toString(), plaintext);
    } finally {
      Arrays.fill(plaintext, (byte) 0);
    }
  }

  private static ExportParts seedChecked(ExportFormat format, ExportParts parts) {
    if (format.needsSeed() && parts.node1SeedPart() == null) {
      throw Refused.invalid(
          "format",
          "format: "
              + format.label()
              + " exports the key's seed, and this key was made before keys had seeds; export it"
              + " as ed25519-expanded or ed25519-scalar");
    }
    return parts;
  }

  private static byte[] requireAuthorization(byte[] authorization) {
    if (authorization == null) {
      throw Refused.invalid(
          "authorization",
          "authorization: required for a customer's export: the device's authorization sealed to"
              + " Node 2's export key (see the client kit)");
    }
    if (authorization.length < MIN_AUTHORIZATION_BYTES
        || authorization.length > MAX_AUTHORIZATION_BYTES) {
      throw Refused.invalid(
          "authorization",
          "authorization: "
              + MIN_AUTHORIZATION_BYTES
              + " to "
              + MAX_AUTHORIZATION_BYTES
              + " bytes of unpadded base64url, as the client kit seals it");
    }
    return authorization;
  }

  private static byte[] requireChallenge(byte[] challenge) {
    if (challenge == null || challenge.length != CHALLENGE_BYTES) {
      throw Refused.invalid(
          "challenge",
          "challenge: required for a customer's export: the 32 bytes (43 characters of unpadded"
              + " base64url) of a fresh POST …/export-challenges");
    }
    return challenge;
  }

  static Refused badFormat(ExportFormat format, Chain chain) {
    return Refused.invalid(
        "format",
        "format: "
            + format.label()
            + " is not an export form of a "
            + Chains.name(chain)
            + " wallet; it takes "
            + ExportFormat.namesFor(chain));
  }
}
