package org.planbok.node2client;

import java.util.Objects;
import org.planbok.custody.entity.Subject;
import org.planbok.keys.entity.Curve;
import org.planbok.keys.entity.KeyId;
import org.planbok.mpc.hd.DerivationPath;
import org.planbok.mpc.session.SessionId;
import org.planbok.node2.api.vocabulary.Operation;

/**
 * What Node 1 asks for when it opens a protocol session with Node 2.
 *
 * @param message SIGN: the 32-byte digest (secp256k1) or the message (ed25519); EXPORT: the
 *     device's public key; otherwise empty
 * @param path SIGN and EXPORT: the child key's path ({@code m} for the root key); Node 2 derives
 *     the tweak from it
 * @param export EXPORT: the wallet's path as the device saw it and the device's authorization;
 *     otherwise {@link ExportTerms#NONE}
 */
public record SessionSpec(
    SessionId sid,
    Operation operation,
    Curve curve,
    KeyId keyId,
    Subject subject,
    Ticket ticket,
    byte[] message,
    DerivationPath path,
    ExportTerms export) {

  public SessionSpec(
      SessionId sid,
      Operation operation,
      Curve curve,
      KeyId keyId,
      Subject subject,
      Ticket ticket,
      byte[] message,
      DerivationPath path) {
    this(sid, operation, curve, keyId, subject, ticket, message, path, ExportTerms.NONE);
  }

  /**
   * What an export session carries beyond the others (issue 12 item 4): the wallet's derivation
   * path as the wallet shows it, and the device's authorization with the challenge it was sealed
   * against, relayed as they came (both empty for an organization's export).
   */
  public record ExportTerms(String path, byte[] authorization, byte[] challenge) {
    public static final ExportTerms NONE = new ExportTerms("", new byte[0], new byte[0]);

    public ExportTerms {
      Objects.requireNonNull(path);
      authorization = authorization == null ? new byte[0] : authorization.clone();
      challenge = challenge == null ? new byte[0] : challenge.clone();
    }

    @Override
    public byte[] authorization() {
      return authorization.clone();
    }

    @Override
    public byte[] challenge() {
      return challenge.clone();
    }
  }

  public SessionSpec {
    Objects.requireNonNull(sid);
    Objects.requireNonNull(operation);
    Objects.requireNonNull(curve);
    Objects.requireNonNull(keyId);
    Objects.requireNonNull(subject);
    Objects.requireNonNull(ticket);
    message = message == null ? new byte[0] : message.clone();
    path = path == null ? DerivationPath.root() : path;
    export = export == null ? ExportTerms.NONE : export;
  }

  @Override
  public byte[] message() {
    return message.clone();
  }
}
