package org.planbok.wallet.boundary;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;

/**
 * A fresh export challenge: 32 random bytes, unpadded base64url, which the customer's device seals
 * its export authorization against. Node 2 minted it for this wallet's key; it works once, until
 * {@code expiresAt}.
 */
@JsonbPropertyOrder({"challenge", "expiresAt"})
public record ExportChallengeView(String challenge, Instant expiresAt) {}
