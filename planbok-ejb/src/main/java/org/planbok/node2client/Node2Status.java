package org.planbok.node2client;

import java.time.Duration;

/** What a successful Ping tells about Node 2. */
public record Node2Status(String nodeId, String version, Duration roundTrip) {}
