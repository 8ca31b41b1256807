/** The gRPC adapter: frames in, protocol messages to the party, frames and statuses out. */
package org.planbok.node2.sessions.boundary;
