package org.planbok.node2.sessions.control;

import java.math.BigInteger;
import org.planbok.mpc.hd.DerivationPath;
import org.planbok.mpc.session.SessionId;
import org.planbok.node2.api.vocabulary.Curve;
import org.planbok.node2.api.vocabulary.Operation;
import org.planbok.node2.api.vocabulary.Subject;
import org.planbok.node2.keys.entity.KeyId;

/**
 * What Node 1 asked for when it opened a session, validated at the edge.
 *
 * @param message for SIGN: the 32-byte digest (secp256k1) or the message (ed25519); for EXPORT: the
 *     device's public key the export will be sealed to
 * @param path the child key that signs or is exported ({@link DerivationPath#root()} for the root
 *     key); Node 2 derives the tweak from it
 * @param claimedTweak the tweak Node 1 sent, or null: if sent, it must be the path's
 * @param export for EXPORT: the path's text as Node 1 sent it (the authorization binds it) and the
 *     device's authorization with its challenge; otherwise none
 */
public record SessionRequest(
    SessionId sid,
    Operation operation,
    Curve curve,
    KeyId keyId,
    Subject subject,
    byte[] ticket,
    byte[] message,
    DerivationPath path,
    BigInteger claimedTweak,
    ExportTerms export) {

  public SessionRequest(
      SessionId sid,
      Operation operation,
      Curve curve,
      KeyId keyId,
      Subject subject,
      byte[] ticket,
      byte[] message,
      DerivationPath path,
      BigInteger claimedTweak) {
    this(
        sid,
        operation,
        curve,
        keyId,
        subject,
        ticket,
        message,
        path,
        claimedTweak,
        ExportTerms.NONE);
  }

  /**
   * What an export session carries beyond the others (issue 12 item 4): the wallet's derivation
   * path as the wallet shows it, and the device's sealed authorization with the challenge it was
   * sealed against (both empty for an organization's export).
   */
  public record ExportTerms(String path, byte[] authorization, byte[] challenge) {
    public static final ExportTerms NONE = new ExportTerms("", new byte[0], new byte[0]);
  }
}
