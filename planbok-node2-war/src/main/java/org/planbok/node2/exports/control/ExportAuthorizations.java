package org.planbok.node2.exports.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.planbok.node2.api.vocabulary.Purpose;
import org.planbok.node2.api.vocabulary.Subject;
import org.planbok.node2.audit.control.AuditLog;
import org.planbok.node2.keys.entity.KeyId;
import org.planbok.node2.secrets.control.SecretOracle;

/**
 * The check of an export session's authorization (issue 12 item 4; docs/api-guide.md, exports). The
 * customer's device sealed its PIN key, its device key, the key id and the wallet's path to Node
 * 2's {@link ExportKey}, with a challenge Node 2 minted as associated data. Only a holder of the
 * PIN derives the PIN key, and the integrator's backend sees only {@code encryptedSecret =
 * HMAC-SHA256(pinKey, "planbok/v1/encrypted-secret")}, which does not give it back; so the backend
 * can relay an authorization but cannot make one naming its own device key, and a relayed one names
 * the customer's device.
 *
 * <p>In order: the challenge is used up (for this subject and key, unexpired, unused: every
 * presentation spends it, so a replay finds it used); the authorization must open under the export
 * key with that challenge; its label, device key, key id and path must be the session's; and the
 * PIN key must give the subject's enrolled PIN secret, checked by the pepper oracle and counted
 * like a wrong PIN when it does not. Organization keys need no authorization: the Organization
 * Secret's holders are the organization's own administrators (both parts are still sealed to the
 * device). A PIN that replaced an earlier one (a change or a recovery, both of which the backend
 * relays, so it may have chosen the new PIN key) exports nothing for {@code
 * planbok.node2.exports.after-pin-replaced} (default two days): time for the customer, whose own
 * PIN stopped working and who is told by mail, to recover first.
 */
@ApplicationScoped
public class ExportAuthorizations {
  /** The PIN secret the kit sends as {@code encryptedSecret}: HMAC-SHA256(pinKey, this label). */
  static final byte[] ENCRYPTED_SECRET_LABEL =
      "planbok/v1/encrypted-secret".getBytes(StandardCharsets.US_ASCII);

  private static final String SYSTEM = "-";

  private ExportKey exportKey;
  private ExportChallenges challenges;
  private SecretOracle oracle;
  private AuditLog audit;
  private Duration afterPinReplaced;

  ExportAuthorizations() {
    // for the CDI proxy
  }

  @Inject
  public ExportAuthorizations(
      ExportKey exportKey,
      ExportChallenges challenges,
      SecretOracle oracle,
      AuditLog audit,
      @ConfigProperty(name = "planbok.node2.exports.after-pin-replaced", defaultValue = "P2D")
          Duration afterPinReplaced) {
    if (afterPinReplaced.isNegative()) {
      throw new IllegalStateException("planbok.node2.exports.after-pin-replaced is negative");
    }
    this.afterPinReplaced = afterPinReplaced;
    this.exportKey = exportKey;
    this.challenges = challenges;
    this.oracle = oracle;
    this.audit = audit;
  }

  /** Whether an export of the subject's keys needs the device's authorization. */
  public static boolean required(Subject subject) {
    return !subject.isOrganization();
  }

  /**
   * Passes when the device authorized exactly this export; otherwise throws {@link
   * ExportNotAuthorized}, audited.
   */
  public void authorize(
      Subject subject,
      KeyId keyId,
      byte[] deviceKey,
      String path,
      byte[] authorization,
      byte[] challenge) {
    if (!required(subject)) {
      return;
    }
    try {
      check(subject, keyId, deviceKey, path, authorization, challenge);
    } catch (ExportNotAuthorized e) {
      audit.append(SYSTEM, "export.authorize", keyId.value(), "REFUSED", e.getMessage());
      throw e;
    }
    audit.append(SYSTEM, "export.authorize", keyId.value(), "AUTHORIZED", "path " + path);
  }

  private void check(
      Subject subject,
      KeyId keyId,
      byte[] deviceKey,
      String path,
      byte[] authorization,
      byte[] challenge) {
    if (authorization.length == 0 || challenge.length == 0) {
      throw new ExportNotAuthorized("no authorization from the customer's device");
    }
    if (!challenges.useUp(challenge, subject, keyId)) {
      throw new ExportNotAuthorized("challenge unknown, for another key, expired or used");
    }
    byte[] plaintext;
    try {
      plaintext = exportKey.open(authorization, challenge);
    } catch (InvalidCipherTextException e) {
      throw new ExportNotAuthorized("authorization does not open under the export key");
    }
    try (ExportAuthorization opened = ExportAuthorization.parse(plaintext)) {
      if (opened == null) {
        throw new ExportNotAuthorized("authorization is not of the expected form");
      }
      if (!opened.names(deviceKey, keyId.value(), path)) {
        throw new ExportNotAuthorized("authorization names another device key, key or path");
      }
      byte[] secret = pinSecret(opened.pinKey());
      try {
        if (!oracle.confirms(subject, Purpose.PIN, secret)) {
          throw new ExportNotAuthorized("the PIN key is not the customer's");
        }
        Instant until = oracle.unsettledUntil(subject, Purpose.PIN, afterPinReplaced);
        if (until != null) {
          throw new ExportNotAuthorized(
              "the PIN was replaced recently; exports of this customer's keys wait until " + until);
        }
      } finally {
        Arrays.fill(secret, (byte) 0);
      }
    } finally {
      Arrays.fill(plaintext, (byte) 0);
    }
  }

  static byte[] pinSecret(byte[] pinKey) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(pinKey, "HmacSHA256"));
      return mac.doFinal(ENCRYPTED_SECRET_LABEL);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
