package org.planbok.wallet.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.Map;
import java.util.logging.Logger;
import org.planbok.audit.control.AuditLog;
import org.planbok.custody.entity.ClientSecret;
import org.planbok.custody.entity.SecretPurpose;
import org.planbok.keys.control.ChildKey;
import org.planbok.keys.control.ExportedSecret;
import org.planbok.keys.control.Exports;
import org.planbok.problem.ProblemException;
import org.planbok.wallet.chain.Chain;
import org.planbok.wallet.entity.Wallet;

/**
 * Export of a wallet's key to the customer's device (DESIGN §4 Export): the device's X25519 public
 * key in, the key in the form its wallet app imports out, sealed with HPKE so that only the device
 * opens it. Needs the PIN, is recorded on the wallet and its key, and is logged without the key.
 */
@Stateless
public class WalletExports {
  private static final Logger LOG = Logger.getLogger(WalletExports.class.getName());

  @Inject Wallets wallets;
  @Inject Exports exports;
  @Inject AuditLog audit;

  public SealedExport export(
      Wallet wallet, ClientSecret secret, byte[] devicePublicKey, ExportFormat format) {
    format.requireFor(wallet.chain());
    DeviceSeal seal = DeviceSeal.to(devicePublicKey); // a bad device key is refused before the PIN
    ChildKey child = wallets.childKey(wallet);
    SealedExport sealed =
        exports.export(
            wallet.subject(),
            wallet.keyId(),
            SecretPurpose.unlocking(wallet.subject()),
            secret,
            devicePublicKey,
            child,
            exported -> seal(wallet, format, seal, exported),
            WalletSignatures.SECRET);
    wallets.exported(wallet.id());
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
                + " to a device key");
    return sealed;
  }

  private static SealedExport seal(
      Wallet wallet, ExportFormat format, DeviceSeal seal, ExportedSecret exported) {
    byte[] plaintext = ExportPlaintext.of(wallet, format, exported);
    try {
      return seal.seal(wallet.id().toString(), plaintext);
    } finally {
      Arrays.fill(plaintext, (byte) 0);
    }
  }

  static ProblemException badFormat(ExportFormat format, Chain chain) {
    return new ProblemException(
        org.planbok.problem.ProblemType.INVALID_FIELD,
        "format: "
            + format.label()
            + " is not an export form of a "
            + Chains.name(chain)
            + " wallet; it takes "
            + ExportFormat.namesFor(chain),
        "format",
        Map.of());
  }
}
