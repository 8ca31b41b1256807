package org.planbok.mpc.garble;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.planbok.mpc.circuit.Circuit;
import org.planbok.mpc.session.SessionId;

class GarbledTablesTest {
  private final SecureRandom random = new SecureRandom();
  private final SessionId sid = SessionId.random(random);

  @Test
  void bytesRoundTrip() {
    Circuit adder = HandCircuits.adder(32);
    GarbledTables tables = Garbler.garble(adder, sid, random).tables();
    byte[] bytes = tables.toBytes();
    assertArrayEquals(bytes, GarbledTables.fromBytes(bytes, adder).toBytes());
  }

  @Test
  void aSixtyThousandAndCircuitTravelsInTwoChunksUnderOneMebibyte() {
    Circuit big = HandCircuits.randomWithAnds(new Random(9), 256, 60_000, 256);
    GarbledTables tables = Garbler.garble(big, sid, random).tables();
    List<byte[]> chunks = tables.toChunks();
    assertEquals(2, chunks.size());
    for (byte[] chunk : chunks) {
      assertTrue(chunk.length <= GarbledTables.MAX_CHUNK_BYTES, chunk.length + " bytes");
    }
    assertArrayEquals(tables.toBytes(), GarbledTables.fromChunks(chunks, big).toBytes());
  }

  @Test
  void tablesOfExactlyOneFullChunkTravelInOneChunk() {
    int ands = GarbledTables.CHUNK_PAYLOAD / GarbledTables.BYTES_PER_AND;
    Circuit exact = HandCircuits.randomWithAnds(new Random(10), 8, ands, 1);
    assertEquals(ands, exact.andGates());
    GarbledTables tables = Garbler.garble(exact, sid, random).tables();
    List<byte[]> chunks = tables.toChunks();
    assertEquals(1, chunks.size());
    assertTrue(chunks.get(0).length <= GarbledTables.MAX_CHUNK_BYTES);
    assertArrayEquals(tables.toBytes(), GarbledTables.fromChunks(chunks, exact).toBytes());
  }

  @Test
  void aCircuitWithoutAndGatesStillSendsOneChunk() {
    Circuit chain = HandCircuits.xorChain(4);
    GarbledTables tables = Garbler.garble(chain, sid, random).tables();
    List<byte[]> chunks = tables.toChunks();
    assertEquals(1, chunks.size());
    assertEquals(0, GarbledTables.fromChunks(chunks, chain).andGates());
  }
}
