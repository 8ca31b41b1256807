package org.planbok.mpc.ot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.security.SecureRandom;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.planbok.mpc.session.SessionId;

class SimplestOtTest {
  private final SecureRandom random = new SecureRandom();

  @Test
  void receiverHoldsExactlyTheKeyItChoseInEveryBaseOt() {
    SessionId sid = SessionId.random(random);
    SimplestOtSender sender = new SimplestOtSender(sid, random);
    Delta delta = Delta.random(random);
    SimplestOtReceiver.Choices chosen =
        SimplestOtReceiver.choose(sid, sender.offer(), delta, random);
    byte[][][] keys = sender.keys(chosen.points());
    for (int i = 0; i < ExtensionShape.KAPPA; i++) {
      int c = delta.bit(i);
      assertEquals(SimplestOt.KEY_BYTES, chosen.keys()[i].length);
      assertArrayEquals(keys[c][i], chosen.keys()[i], "base OT " + i);
      assertFalse(Arrays.equals(keys[1 - c][i], chosen.keys()[i]), "base OT " + i);
    }
  }

  @Test
  void keysBindTheSessionTheIndexAndBothPoints() {
    SessionId sid = SessionId.random(random);
    SimplestOtSender sender = new SimplestOtSender(sid, random);
    var g = SimplestOt.GROUP;
    byte[] a = sender.offer().encode();
    byte[] b = g.multiplyGenerator(g.randomScalar(random)).encode();
    var p = g.multiplyGenerator(g.randomScalar(random));
    byte[] key = SimplestOt.key(sid, 3, a, b, p);
    assertFalse(Arrays.equals(key, SimplestOt.key(SessionId.random(random), 3, a, b, p)));
    assertFalse(Arrays.equals(key, SimplestOt.key(sid, 4, a, b, p)));
    assertFalse(Arrays.equals(key, SimplestOt.key(sid, 3, b, a, p)));
    assertArrayEquals(key, SimplestOt.key(sid, 3, a, b, p));
  }
}
