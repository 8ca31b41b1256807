package org.planbok.keys.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.planbok.custody.control.OpenVault;
import org.planbok.custody.control.Vaults;
import org.planbok.custody.entity.ClientSecret;
import org.planbok.custody.entity.SecretPurpose;
import org.planbok.custody.entity.Subject;
import org.planbok.customer.entity.CustomerId;
import org.planbok.keys.entity.Curve;
import org.planbok.keys.entity.JointKey;
import org.planbok.keys.entity.KeyId;
import org.planbok.mpc.hd.DerivationPath;
import org.planbok.node2.api.vocabulary.Operation;
import org.planbok.node2client.TicketWanted;

/** Node 1 never asks one secret check for more SIGN tickets than Node 2 mints per check. */
class SignaturesTest {
  /** Stands in for Node 2's answer: what the check asked for is all this test needs. */
  private static final class Asked extends RuntimeException {
    private static final long serialVersionUID = 1L;
  }

  @Test
  void aBatchAsksForAtMostTheConfiguredSignTicketsPerCheck() {
    List<List<TicketWanted>> checks = new ArrayList<>();
    Signatures signatures = new Signatures();
    signatures.keys =
        new Keys() {
          @Override
          public JointKey usable(Subject subject, KeyId id, Curve curve, boolean frozenToo) {
            return null;
          }
        };
    signatures.vaults =
        new Vaults() {
          @Override
          public OpenVault open(
              Subject subject,
              SecretPurpose purpose,
              ClientSecret secret,
              List<TicketWanted> tickets) {
            checks.add(tickets);
            throw new Asked();
          }
        };
    List<byte[]> digests = Collections.nCopies(10, new byte[32]);
    assertThrows(
        Asked.class,
        () ->
            signatures.signDigests(
                Subject.customer(CustomerId.random()),
                KeyId.random(),
                SecretPurpose.PIN,
                ClientSecret.of(new byte[32]),
                digests,
                new ChildKey(
                    Curve.SECP256K1, DerivationPath.root(), new byte[33], BigInteger.ZERO)));
    assertEquals(4, checks.get(0).size(), "the default bound, as Node 2's");
    checks.get(0).forEach(t -> assertEquals(Operation.SIGN, t.operation()));
  }

  @Test
  void refusesABoundOneCheckCannotMint() {
    assertEquals(4, Signatures.signTicketsPerCheck(4));
    assertThrows(IllegalStateException.class, () -> Signatures.signTicketsPerCheck(0));
    assertThrows(IllegalStateException.class, () -> Signatures.signTicketsPerCheck(9));
  }
}
