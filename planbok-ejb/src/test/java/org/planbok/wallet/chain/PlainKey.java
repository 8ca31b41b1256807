package org.planbok.wallet.chain;

import java.math.BigInteger;
import java.security.SecureRandom;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.ECPoint;
import org.planbok.mpc.ecdsa.EcdsaSignature;
import org.planbok.mpc.group.Secp256k1;

/**
 * A whole secp256k1 key for tests: signs like the two nodes do together (RFC 6979 nonce, low S,
 * recovery id found by recovering), so chain formats can be checked without running MPC.
 */
public record PlainKey(BigInteger secret) {
  public static PlainKey random() {
    SecureRandom random = new SecureRandom();
    BigInteger d;
    do {
      d = new BigInteger(256, random);
    } while (d.signum() == 0 || d.compareTo(Secp256k1.N) >= 0);
    return new PlainKey(d);
  }

  public static PlainKey of(String hex) {
    return new PlainKey(new BigInteger(hex, 16));
  }

  public ECPoint publicKey() {
    return Secp256k1.INSTANCE.multiplyGenerator(secret).normalize();
  }

  public byte[] secretBytes() {
    return Secp256k1.scalarBytes(secret);
  }

  public EcdsaSignature sign(byte[] digest) {
    ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
    signer.init(true, new ECPrivateKeyParameters(secret, Secp256k1.DOMAIN));
    BigInteger[] rs = signer.generateSignature(digest);
    BigInteger s = rs[1].compareTo(Secp256k1.HALF_N) > 0 ? Secp256k1.N.subtract(rs[1]) : rs[1];
    for (int recid = 0; recid < 4; recid++) {
      EcdsaSignature candidate = new EcdsaSignature(rs[0], s, recid);
      ECPoint q = candidate.recoverPublicKey(digest);
      if (q != null && q.equals(publicKey())) {
        return candidate;
      }
    }
    throw new IllegalStateException("no recovery id recovers the key");
  }
}
