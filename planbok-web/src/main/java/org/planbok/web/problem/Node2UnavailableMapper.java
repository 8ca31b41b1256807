package org.planbok.web.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.planbok.node2client.Node2Unavailable;

/** Node 2 unreachable, untrusted or slow: 503 with the reason and a Retry-After, never a hang. */
@Provider
public class Node2UnavailableMapper implements ExceptionMapper<Node2Unavailable> {
  @Override
  public Response toResponse(Node2Unavailable e) {
    return UnexpectedErrorMapper.node2Unavailable(e);
  }
}
