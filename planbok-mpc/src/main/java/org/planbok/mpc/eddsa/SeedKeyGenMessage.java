package org.planbok.mpc.eddsa;

import java.util.ArrayList;
import java.util.List;
import org.planbok.mpc.session.AbortReason;
import org.planbok.mpc.session.ProtocolAbort;
import org.planbok.mpc.session.SessionId;
import org.planbok.mpc.wire.WireReader;
import org.planbok.mpc.wire.WireWriter;

/**
 * One of rounds 1 to 7 of the seed key generation ({@link SeedKeyGenP1}): the round number and its
 * parts, each the canonical encoding of an oblivious-transfer, garbling or commitment message that
 * the receiving party parses strictly. Rounds 8 and 9 are {@link KeyGenShare} and {@link
 * KeyGenOpening}. Rounds 4 and 5 carry a garbled circuit, about 2 MB.
 */
record SeedKeyGenMessage(SessionId sid, int round, List<byte[]> parts) implements EddsaMessage {
  static final String TYPE = "seed-keygen/round";
  static final int ROUNDS = 7;
  private static final int[] PARTS = {0, 1, 2, 2, 2, 2, 1, 3};
  private static final int MAX_PART = 8 << 20;

  public SeedKeyGenMessage {
    if (round < 1 || round > ROUNDS || parts.size() != PARTS[round]) {
      throw new ProtocolAbort(AbortReason.MALFORMED_MESSAGE, "not a seed keygen round");
    }
    parts = List.copyOf(parts);
  }

  static SeedKeyGenMessage of(SessionId sid, int round, byte[]... parts) {
    return new SeedKeyGenMessage(sid, round, List.of(parts));
  }

  byte[] part(int index) {
    return parts.get(index).clone();
  }

  @Override
  public byte[] toBytes() {
    WireWriter w = Frame.start(TYPE, sid).integer(round);
    for (byte[] part : parts) {
      w.bytes(part);
    }
    return w.toBytes();
  }

  /** Parses round {@code round} exactly; any other round is {@link AbortReason#WRONG_STATE}. */
  public static SeedKeyGenMessage fromBytes(byte[] bytes, int round) {
    WireReader r = Frame.open(bytes, TYPE);
    SessionId sid = Frame.sid(r);
    int got = r.smallInt();
    if (got != round) {
      throw new ProtocolAbort(
          AbortReason.WRONG_STATE, "seed keygen round " + got + " where " + round + " was due");
    }
    List<byte[]> parts = new ArrayList<>();
    for (int i = 0; i < PARTS[round]; i++) {
      parts.add(r.bytes(MAX_PART));
    }
    r.end();
    return new SeedKeyGenMessage(sid, round, parts);
  }

  @Override
  public String toString() {
    return "SeedKeyGenMessage[round " + round + ", " + parts.size() + " parts]";
  }
}
