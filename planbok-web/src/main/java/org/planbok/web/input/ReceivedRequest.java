package org.planbok.web.input;

import jakarta.enterprise.context.RequestScoped;
import java.util.List;

/**
 * The request as it arrived, captured once by {@link StrictRequestBody} before anything parses it:
 * method, path with query, the body's bytes and the {@code Idempotency-Key} headers. The
 * idempotency interceptor fingerprints these bytes, without their secret members.
 */
@RequestScoped
public class ReceivedRequest {
  private String method = "";
  private String pathAndQuery = "";
  private byte[] body = new byte[0];
  private List<String> idempotencyKeys = List.of();

  public void capture(String method, String pathAndQuery, byte[] body, List<String> keys) {
    this.method = method;
    this.pathAndQuery = pathAndQuery;
    this.body = body;
    this.idempotencyKeys = keys == null ? List.of() : List.copyOf(keys);
  }

  public String method() {
    return method;
  }

  public String pathAndQuery() {
    return pathAndQuery;
  }

  public byte[] body() {
    return body.clone();
  }

  public List<String> idempotencyKeys() {
    return idempotencyKeys;
  }
}
