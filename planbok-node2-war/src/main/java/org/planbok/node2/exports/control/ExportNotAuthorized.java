package org.planbok.node2.exports.control;

/**
 * The customer's device did not authorize this export. The detail says which check failed, for Node
 * 2's audit log and operators; it never carries a secret.
 */
public class ExportNotAuthorized extends RuntimeException {
  public ExportNotAuthorized(String detail) {
    super(detail, null, false, false);
  }
}
