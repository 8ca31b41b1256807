package org.planbok.mpc.bench;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.planbok.mpc.ecdsa.EcdsaRun;
import org.planbok.mpc.ecdsa.SignOutcome;
import org.planbok.mpc.ecdsa.SignRequest;
import org.planbok.mpc.ecdsa.TestKeys;
import org.planbok.mpc.group.Secp256k1;
import org.planbok.mpc.paillier.MaskPool;

/**
 * Two-party ECDSA, both parties in one process, every message through its byte encoding (the
 * in-memory runner). Run: {@code mvn -Pbenchmark test-compile exec:exec -Djmh.args="Ecdsa -wi 2 -i
 * 3 -f 1 -bm sample -tu ms"}.
 *
 * <p>keygen takes its Paillier key ready-made, as from a warm {@code PaillierKeyPool} (the fixed
 * test keys stand in for the pool so that background prime generation does not share the two cores
 * with the measured run). signWithMaskPool waits, outside the measured call, until the {@link
 * MaskPool} is full again, so it measures a sign whose mask is ready.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class EcdsaBenchmark {
  private static final byte[] KEY_ID = "bench-key".getBytes();
  private static final int POOL_CAPACITY = 2;
  private final SecureRandom random = new SecureRandom();
  private final byte[] digest = new byte[32];
  private EcdsaRun.Keys keys;
  private ECPrivateKeyParameters singlePartyKey;
  private int keygens;

  /** A pooled mask per call, for {@link #signWithMaskPool} only. */
  @State(Scope.Benchmark)
  public static class PooledMask {
    private MaskPool pool;
    private BigInteger mask;

    @Setup(Level.Trial)
    public void start(EcdsaBenchmark bench) {
      pool = MaskPool.start(bench.keys.p2().paillierKey(), POOL_CAPACITY, bench.random);
    }

    /**
     * Outside the measured call: take one mask, then wait until the pool has refilled, so its
     * worker never competes with the measured sign for the two cores.
     */
    @Setup(Level.Invocation)
    public void takeAndRefill() throws InterruptedException {
      mask = pool.take();
      while (pool.available() < POOL_CAPACITY) {
        Thread.sleep(1);
      }
    }

    @TearDown(Level.Trial)
    public void stop() {
      pool.close();
    }
  }

  @Setup(Level.Trial)
  public void setUp() {
    keys = EcdsaRun.keygen(KEY_ID, TestKeys.paillier(0), random);
    singlePartyKey =
        new ECPrivateKeyParameters(Secp256k1.INSTANCE.randomScalar(random), Secp256k1.DOMAIN);
  }

  @Benchmark
  public EcdsaRun.Keys keygen() {
    return EcdsaRun.keygen(KEY_ID, TestKeys.paillier(keygens++), random);
  }

  @Benchmark
  public SignOutcome signWithMaskPool(PooledMask pooled) {
    BigInteger mask = pooled.mask;
    return EcdsaRun.sign(keys.p1(), keys.p2(), nextRequest(), random, () -> mask);
  }

  @Benchmark
  public SignOutcome signWithoutMaskPool() {
    return EcdsaRun.sign(keys.p1(), keys.p2(), nextRequest(), random, null);
  }

  @Benchmark
  public BigInteger[] singlePartyBouncyCastleSign() {
    ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
    signer.init(true, singlePartyKey);
    digest[0]++;
    return signer.generateSignature(digest);
  }

  private SignRequest nextRequest() {
    random.nextBytes(digest);
    return new SignRequest(KEY_ID, digest, BigInteger.ONE);
  }
}
