package org.planbok.node2client;

import java.util.Objects;
import org.planbok.custody.entity.Subject;
import org.planbok.keys.entity.Curve;
import org.planbok.keys.entity.KeyId;
import org.planbok.mpc.hd.DerivationPath;
import org.planbok.mpc.session.SessionId;

/**
 * What Node 1 asks for when it opens a protocol session with Node 2.
 *
 * @param message SIGN: the 32-byte digest (secp256k1) or the message (ed25519); EXPORT: the
 *     device's public key; otherwise empty
 * @param path SIGN and EXPORT: the child key's path ({@code m} for the root key); Node 2 derives
 *     the tweak from it
 */
public record SessionSpec(
    SessionId sid,
    Operation operation,
    Curve curve,
    KeyId keyId,
    Subject subject,
    Ticket ticket,
    byte[] message,
    DerivationPath path) {
  public SessionSpec {
    Objects.requireNonNull(sid);
    Objects.requireNonNull(operation);
    Objects.requireNonNull(curve);
    Objects.requireNonNull(keyId);
    Objects.requireNonNull(subject);
    Objects.requireNonNull(ticket);
    message = message == null ? new byte[0] : message.clone();
    path = path == null ? DerivationPath.root() : path;
  }

  @Override
  public byte[] message() {
    return message.clone();
  }
}
