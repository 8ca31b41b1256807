package org.planbok.audit.entity;

import java.io.Serializable;
import java.util.Objects;

/** The primary key of an {@link AuditEntry}: its chain and its sequence number in that chain. */
public class AuditEntryKey implements Serializable {
  private static final long serialVersionUID = 1L;

  private String chain;
  private long sequence;

  public AuditEntryKey() {}

  public AuditEntryKey(String chain, long sequence) {
    this.chain = chain;
    this.sequence = sequence;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AuditEntryKey k && k.sequence == sequence && Objects.equals(k.chain, chain);
  }

  @Override
  public int hashCode() {
    return Objects.hash(chain, sequence);
  }
}
