package org.planbok.system.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.planbok.node2client.Node2Client;
import org.planbok.node2client.Node2Status;

/** The two nodes as the API sees them: who they are and how quickly Node 2 answers. */
@Stateless
public class Nodes {
  @Inject Node1Identity node1;
  @Inject Node2Client node2;

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
