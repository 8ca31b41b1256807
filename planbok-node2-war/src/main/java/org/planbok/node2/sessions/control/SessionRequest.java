package org.planbok.node2.sessions.control;

import java.math.BigInteger;
import org.planbok.mpc.session.SessionId;
import org.planbok.node2.keys.entity.KeyId;
import org.planbok.node2.tickets.entity.Operation;

/**
 * What Node 1 asked for when it opened a session, validated at the edge.
 *
 * @param message for SIGN: the 32-byte digest (secp256k1) or the message (ed25519); for EXPORT: the
 *     device's public key the export will be sealed to
 * @param tweak the derivation tweak, zero for the root key
 */
public record SessionRequest(
    SessionId sid,
    Operation operation,
    String curve,
    KeyId keyId,
    String subject,
    byte[] ticket,
    byte[] message,
    BigInteger tweak) {}
