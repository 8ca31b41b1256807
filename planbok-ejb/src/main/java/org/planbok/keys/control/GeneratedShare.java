package org.planbok.keys.control;

import java.util.Arrays;

/**
 * Node 1's half of a new (or refreshed) key as a protocol run left it: the joint public key, the
 * chain code and Node 1's share blob from planbok-mpc. The blob and the chain code are secret: zero
 * them with {@link #destroy()} once sealed.
 */
record GeneratedShare(byte[] publicKey, byte[] chainCode, byte[] blob) {
  void destroy() {
    Arrays.fill(blob, (byte) 0);
    Arrays.fill(chainCode, (byte) 0);
  }

  @Override
  public String toString() {
    return "GeneratedShare[redacted]";
  }
}
