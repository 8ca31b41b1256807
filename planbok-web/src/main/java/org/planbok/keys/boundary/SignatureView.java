package org.planbok.keys.boundary;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * A signature Node 1 has verified: secp256k1 as {@code r ‖ s} (low-S) with its recovery id, ed25519
 * as the 64-byte RFC 8032 signature; and the child public key it verifies under.
 */
@JsonbPropertyOrder({"keyId", "curve", "publicKey", "signature", "recoveryId"})
public record SignatureView(
    String keyId, String curve, String publicKey, String signature, Integer recoveryId) {}
