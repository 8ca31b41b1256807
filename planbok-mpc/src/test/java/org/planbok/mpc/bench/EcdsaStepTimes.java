package org.planbok.mpc.bench;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.planbok.mpc.ecdsa.EcdsaRun;
import org.planbok.mpc.ecdsa.TestKeys;
import org.planbok.mpc.group.Secp256k1;
import org.planbok.mpc.paillier.PaillierPublicKey;
import org.planbok.mpc.paillier.PaillierSecretKey;
import org.planbok.mpc.session.Party;
import org.planbok.mpc.session.SessionId;
import org.planbok.mpc.zk.DlogProof;
import org.planbok.mpc.zk.PaillierDlogProof;
import org.planbok.mpc.zk.PaillierKeyProof;

/**
 * A rough profile of what two-party ECDSA spends its time on: median microseconds of each costly
 * step, measured alone. {@code java -cp <test classpath> org.planbok.mpc.bench.EcdsaStepTimes}.
 */
public final class EcdsaStepTimes {
  private EcdsaStepTimes() {}

  public static void main(String[] args) {
    SecureRandom random = new SecureRandom();
    Secp256k1 g = Secp256k1.INSTANCE;
    PaillierSecretKey sk = TestKeys.paillier(0);
    PaillierPublicKey pk = sk.publicKey();
    EcdsaRun.Keys keys = EcdsaRun.keygen("k".getBytes(), sk, random);
    BigInteger x = keys.p1().xA();
    BigInteger r = pk.randomUnit(random);
    BigInteger c = pk.encrypt(x, r);
    SessionId sid = SessionId.random(random);
    byte[] aux = new byte[32];
    Map<String, Supplier<Object>> steps = new LinkedHashMap<>();
    steps.put("scalar mult k·G", () -> g.multiplyGenerator(g.randomScalar(random)));
    steps.put("scalar mult k·P", () -> g.multiply(keys.p1().publicKey(), g.randomScalar(random)));
    steps.put(
        "Schnorr prove",
        () -> DlogProof.prove(g, sid, Party.P1, aux, x, keys.p1().publicShareA(), random));
    DlogProof dl = DlogProof.prove(g, sid, Party.P1, aux, x, keys.p1().publicShareA(), random);
    steps.put(
        "Schnorr verify",
        () -> {
          dl.verify(g, sid, Party.P1, aux, keys.p1().publicShareA());
          return dl;
        });
    steps.put("Paillier mask r^N mod N²", () -> pk.randomMask(random));
    steps.put("c_key^e mod N² (256-bit e)", () -> pk.multiply(c, g.randomScalar(random)));
    steps.put("Paillier CRT decrypt", () -> sk.decrypt(c));
    steps.put("requireCiphertext (gcd)", () -> pk.requireCiphertext(c, "c"));
    steps.put(
        "P2 sign (inline mask)",
        () ->
            EcdsaRun.sign(
                keys,
                new org.planbok.mpc.ecdsa.SignRequest("k".getBytes(), new byte[32], BigInteger.ONE),
                random));
    if (args.length > 0) {
      steps.forEach((name, step) -> System.out.printf("%-32s %10.1f µs%n", name, median(step)));
      return;
    }
    steps.put("PaillierKeyProof prove", () -> PaillierKeyProof.prove(sk, sid, Party.P1, aux));
    PaillierKeyProof kp = PaillierKeyProof.prove(sk, sid, Party.P1, aux);
    steps.put(
        "PaillierKeyProof verify",
        () -> {
          kp.verify(pk, sid, Party.P1, aux);
          return kp;
        });
    steps.put(
        "PaillierDlogProof prove",
        () ->
            PaillierDlogProof.prove(
                sk, x, r, c, keys.p1().publicShareA(), sid, Party.P1, aux, random));
    PaillierDlogProof pdl =
        PaillierDlogProof.prove(sk, x, r, c, keys.p1().publicShareA(), sid, Party.P1, aux, random);
    steps.put(
        "PaillierDlogProof verify",
        () -> {
          pdl.verify(pk, c, keys.p1().publicShareA(), sid, Party.P1, aux);
          return pdl;
        });
    steps.put("keygen (ready Paillier key)", () -> EcdsaRun.keygen("k".getBytes(), sk, random));
    steps.forEach((name, step) -> System.out.printf("%-32s %10.1f µs%n", name, median(step)));
  }

  private static double median(Supplier<Object> step) {
    int runs = 31;
    long[] t = new long[runs];
    for (int i = 0; i < 30; i++) {
      step.get();
    }
    for (int i = 0; i < runs; i++) {
      long start = System.nanoTime();
      step.get();
      t[i] = System.nanoTime() - start;
    }
    java.util.Arrays.sort(t);
    return t[runs / 2] / 1000.0;
  }
}
