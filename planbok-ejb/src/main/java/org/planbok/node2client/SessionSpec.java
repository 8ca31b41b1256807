package org.planbok.node2client;

import java.math.BigInteger;
import java.util.Objects;
import org.planbok.custody.entity.Subject;
import org.planbok.keys.entity.Curve;
import org.planbok.keys.entity.KeyId;
import org.planbok.mpc.session.SessionId;

/**
 * What Node 1 asks for when it opens a protocol session with Node 2.
 *
 * @param message SIGN: the 32-byte digest (secp256k1) or the message (ed25519); EXPORT: the
 *     device's public key; otherwise empty
 * @param tweak the derivation tweak of the child key (zero for the root key)
 */
public record SessionSpec(
    SessionId sid,
    Operation operation,
    Curve curve,
    KeyId keyId,
    Subject subject,
    Ticket ticket,
    byte[] message,
    BigInteger tweak) {
  public SessionSpec {
    Objects.requireNonNull(sid);
    Objects.requireNonNull(operation);
    Objects.requireNonNull(curve);
    Objects.requireNonNull(keyId);
    Objects.requireNonNull(subject);
    Objects.requireNonNull(ticket);
    message = message == null ? new byte[0] : message.clone();
    tweak = tweak == null ? BigInteger.ZERO : tweak;
  }

  @Override
  public byte[] message() {
    return message.clone();
  }
}
