package org.planbok.mpc.bench;

import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.planbok.mpc.eddsa.EddsaRun;
import org.planbok.mpc.eddsa.SeedKeyGenRun;

/**
 * Exportable ed25519 key generation (issue 13: two garblings of the 57k-AND seed circuit, two OT
 * extensions, the equality check and the ordinary commit–open keygen), both parties in one process
 * and on one thread, every message through its encoding. Run with {@code mvn -pl planbok-mpc
 * -Pbenchmark test-compile exec:exec -Djmh.args="SeedKeyGen -bm sample -tu ms"}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class SeedKeyGenBenchmark {
  private final SecureRandom random = new SecureRandom();

  @Benchmark
  public EddsaRun.Keys seedKeyGen() {
    return SeedKeyGenRun.keyGen(random);
  }
}
