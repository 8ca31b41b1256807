package org.planbok.mpc.dualex;

import org.planbok.mpc.circuit.Circuit;
import org.planbok.mpc.garble.GarbledTables;
import org.planbok.mpc.garble.Labels;
import org.planbok.mpc.garble.OutputDecoding;
import org.planbok.mpc.ot.MaskedMessages;
import org.planbok.mpc.session.AbortReason;
import org.planbok.mpc.session.ProtocolAbort;
import org.planbok.mpc.session.SessionId;
import org.planbok.mpc.wire.WireReader;
import org.planbok.mpc.wire.WireWriter;

/**
 * What a garbler sends its evaluator in one execution: the oblivious-transfer answers that carry
 * the evaluator's input labels, the garbler's own input labels, the output decoding and the tables.
 * About 32 bytes per AND gate; the encoding is strict ({@link #fromBytes}) against the agreed
 * circuit.
 */
public record GarbledCircuit(
    SessionId sid,
    MaskedMessages evaluatorLabels,
    Labels garblerLabels,
    OutputDecoding decoding,
    GarbledTables tables) {
  private static final String TYPE = "planbok/dualex/garbled-circuit";

  public byte[] toBytes() {
    return new WireWriter()
        .text(TYPE)
        .bytes(sid.bytes())
        .bytes(evaluatorLabels.toBytes())
        .bytes(garblerLabels.toBytes())
        .bytes(decoding.toBytes())
        .bytes(tables.toBytes())
        .toBytes();
  }

  /**
   * Parses a peer's garbled circuit for {@code circuit}, whose garbler holds the inputs of {@code
   * garblerIsFirst ? first : second} party.
   */
  public static GarbledCircuit fromBytes(byte[] bytes, Circuit circuit, boolean garblerIsFirst) {
    int garblerInputs = garblerIsFirst ? circuit.firstInputs() : circuit.secondInputs();
    int maxTables = 4 + 32 * circuit.andGates();
    WireReader r = new WireReader(bytes);
    if (!TYPE.equals(r.text(TYPE.length()))) {
      throw new ProtocolAbort(AbortReason.MALFORMED_MESSAGE, "not a garbled circuit");
    }
    SessionId sid = SessionId.of(r.fixedBytes(SessionId.LENGTH));
    MaskedMessages masked = MaskedMessages.fromBytes(r.bytes(64 + 40 * circuit.wires()));
    Labels labels =
        Labels.fromBytes(r.fixedBytes(garblerInputs * Labels.LABEL_BYTES), garblerInputs);
    OutputDecoding decoding =
        OutputDecoding.fromBytes(
            r.bytes(8 + OutputDecoding.BYTES_PER_OUTPUT * circuit.outputCount()), circuit);
    GarbledTables tables = GarbledTables.fromBytes(r.bytes(maxTables), circuit);
    r.end();
    return new GarbledCircuit(sid, masked, labels, decoding, tables);
  }

  @Override
  public String toString() {
    return "GarbledCircuit[" + sid + ", " + tables.andGates() + " AND gates]";
  }
}
