package org.planbok.custody.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.planbok.organization.entity.OrganizationId;

/**
 * A subject's vault: the client salt the customer's device derives its secret with (issued once,
 * never changed, not secret) and, once a secret is set up, the vault key that wraps the subject's
 * key shares ({@link VaultWrapping} holds it, wrapped once per unlock method). Node 1 never holds
 * the vault key at rest in the clear.
 */
@Entity
@Table(name = "vault")
public class Vault {
  @Id
  @Column(length = 64)
  private String subject;

  @Column(name = "organization_id", nullable = false, length = 36)
  private String organizationId;

  @Column(name = "client_salt", nullable = false, length = 16)
  private byte[] clientSalt;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  /** The last lockout Node 2 reported (informational: Node 2 is the one that counts). */
  @Column(name = "locked_until")
  private Instant lockedUntil;

  @Version private long version;

  protected Vault() {}

  public Vault(Subject subject, OrganizationId organization, byte[] clientSalt, Instant now) {
    this.subject = subject.value();
    this.organizationId = organization.toString();
    this.clientSalt = clientSalt.clone();
    this.createdAt = Objects.requireNonNull(now);
  }

  public Subject subject() {
    return new Subject(subject);
  }

  public OrganizationId organization() {
    return new OrganizationId(UUID.fromString(organizationId));
  }

  public byte[] clientSalt() {
    return clientSalt.clone();
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant lockedUntil() {
    return lockedUntil;
  }

  public void lockedUntil(Instant until) {
    this.lockedUntil = until;
  }
}
