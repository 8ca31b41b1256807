package org.planbok.node2.sealing.control;

/** A sealed blob that does not unseal. The message says why and never carries secret bytes. */
public class SealedBlobRejected extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SealedBlobRejected(String message) {
    super(message);
  }
}
