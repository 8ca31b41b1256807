package org.planbok.node2.secrets.boundary;

/** A request the contract does not allow; refused as PROTOCOL_VIOLATION before anything counts. */
final class MalformedRequest extends RuntimeException {
  private static final long serialVersionUID = 1L;

  MalformedRequest(String detail) {
    super(detail, null, false, false);
  }
}
