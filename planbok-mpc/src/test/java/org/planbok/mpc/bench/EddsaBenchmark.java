package org.planbok.mpc.bench;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.planbok.mpc.eddsa.EddsaRun;
import org.planbok.mpc.eddsa.EddsaSignature;
import org.planbok.mpc.hd.Ed25519Derivation;

/**
 * Two-party EdDSA with both parties in one process (messages through their byte encodings), and
 * BouncyCastle's single-party Ed25519 sign as the floor. Run with {@code mvn -Pbenchmark
 * test-compile exec:exec -Djmh.args="Eddsa -bm sample -tu us"}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class EddsaBenchmark {
  private final SecureRandom random = new SecureRandom();
  private final byte[] message = new byte[64];
  private EddsaRun.Keys keys;
  private BigInteger tweak;
  private byte[] seed;

  @Setup
  public void setUp() {
    random.nextBytes(message);
    keys = EddsaRun.keyGen(random);
    tweak = new Ed25519Derivation(keys.p1().publicKey(), keys.p1().chainCode()).tweak(0);
    seed = new byte[Ed25519.SECRET_KEY_SIZE];
    random.nextBytes(seed);
  }

  @Benchmark
  public EddsaRun.Keys twoPartyKeyGen() {
    return EddsaRun.keyGen(random);
  }

  @Benchmark
  public EddsaSignature twoPartySign() {
    return EddsaRun.sign(keys, message, tweak, random).signature();
  }

  @Benchmark
  public byte[] bouncyCastleSingleSign() {
    byte[] sig = new byte[Ed25519.SIGNATURE_SIZE];
    Ed25519.sign(seed, 0, message, 0, message.length, sig, 0);
    return sig;
  }
}
