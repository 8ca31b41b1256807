package org.planbok.mpc.bench;

import java.security.SecureRandom;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
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
import org.planbok.mpc.circuit.Circuit;
import org.planbok.mpc.garble.Evaluator;
import org.planbok.mpc.garble.GarbledTables;
import org.planbok.mpc.garble.Garbler;
import org.planbok.mpc.garble.Garbling;
import org.planbok.mpc.garble.HandCircuits;
import org.planbok.mpc.garble.Labels;
import org.planbok.mpc.session.SessionId;

/**
 * Half-gates garbling and evaluation of a random circuit the size of issue 13's SHA-512 (60 000 AND
 * gates, 120 000 XOR, 30 000 NOT; 256 input bits a party, 256 outputs). Run with {@code mvn
 * -Pbenchmark test-compile exec:exec -Djmh.args="Garbling -bm avgt -tu ms"}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class GarblingBenchmark {
  private final SecureRandom random = new SecureRandom();
  private final SessionId sid = SessionId.random(random);
  private Circuit circuit;
  private Garbling garbling;
  private Labels first;
  private Labels second;
  private List<byte[]> chunks;

  @Setup
  public void setUp() {
    Random rnd = new Random(60_000);
    circuit = HandCircuits.randomWithAnds(rnd, 256, 60_000, 256);
    garbling = Garbler.garble(circuit, sid, random);
    first = garbling.firstInputLabels(HandCircuits.randomBits(rnd, 256));
    second = garbling.secondInputLabels(HandCircuits.randomBits(rnd, 256));
    chunks = garbling.tables().toChunks();
  }

  @Benchmark
  public Garbling garble() {
    return Garbler.garble(circuit, sid, random);
  }

  @Benchmark
  public Labels evaluate() {
    return Evaluator.evaluate(circuit, garbling.tables(), first, second);
  }

  @Benchmark
  public boolean[] evaluateAndDecode() {
    return garbling.decoding().decode(sid, evaluate());
  }

  /** The wire round trip of the tables: cut into chunks, then parsed back. */
  @Benchmark
  public GarbledTables chunkAndJoin() {
    return GarbledTables.fromChunks(garbling.tables().toChunks(), circuit);
  }

  @Benchmark
  public GarbledTables join() {
    return GarbledTables.fromChunks(chunks, circuit);
  }
}
