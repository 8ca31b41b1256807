package org.planbok.system.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import org.planbok.node2client.Node2Client;
import org.planbok.node2client.Node2Exports;
import org.planbok.node2client.Node2Status;

/** The two nodes as the API sees them: who they are and how quickly Node 2 answers. */
@Stateless
public class Nodes {
  @Inject Node1Identity node1;
  @Inject Node2Client node2;
  @Inject Node2Exports node2Exports;

  /**
   * Node 2's export-authorization public key (issue 12 item 4) and its fingerprint, SHA-256 of the
   * 32 bytes in lowercase hex, which devices pin.
   */
  public record ExportKey(byte[] publicKey, String fingerprint) {
    public ExportKey {
      publicKey = publicKey.clone();
    }

    @Override
    public byte[] publicKey() {
      return publicKey.clone();
    }
  }

  /** Asks Node 2 for its export key; throws {@code Node2Unavailable} when it cannot. */
  public ExportKey node2ExportKey() {
    byte[] key = node2Exports.exportKey();
    try {
      return new ExportKey(
          key, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Pings Node 2 once; throws {@code Node2Unavailable} when it cannot. */
  public Node2Status node2() {
    return node2.ping(node1.nodeId(), node1.version());
  }

  /** Pings Node 2 {@code count} times in a row and summarises the round trips. */
  public PingSummary pingNode2(int count) {
    List<Duration> trips = new ArrayList<>(count);
    Node2Status last = null;
    for (int i = 0; i < count; i++) {
      last = node2();
      trips.add(last.roundTrip());
    }
    Collections.sort(trips);
    return new PingSummary(
        last.nodeId(), count, trips.get(0), trips.get((count - 1) / 2), trips.get(count - 1));
  }

  public String node1Id() {
    return node1.nodeId();
  }

  public String node1Version() {
    return node1.version();
  }

  /** Round-trip statistics of a series of pings. */
  public record PingSummary(
      String node2Id, int count, Duration min, Duration median, Duration max) {}
}
