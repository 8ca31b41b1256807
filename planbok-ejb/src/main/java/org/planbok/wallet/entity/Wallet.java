package org.planbok.wallet.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.planbok.custody.entity.Subject;
import org.planbok.keys.entity.KeyId;
import org.planbok.organization.entity.OrganizationId;
import org.planbok.wallet.chain.AddressFormat;
import org.planbok.wallet.chain.Chain;

/**
 * One address of a subject on one chain: the child at {@code chain.path(format, index)} of the
 * subject's joint key of the chain's curve. Derived from public data only, so making one needs no
 * PIN; the same chain, format and index always give the same wallet.
 */
@Entity
@Table(
    name = "wallet",
    uniqueConstraints =
        @UniqueConstraint(
            name = "wallet_position",
            columnNames = {"subject", "chain", "address_format", "wallet_index"}),
    indexes = @Index(name = "wallet_page", columnList = "subject,created_at,id"))
public class Wallet {
  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "organization_id", nullable = false, length = 36)
  private String organizationId;

  @Column(nullable = false, length = 64)
  private String subject;

  @Column(name = "key_id", nullable = false, length = 36)
  private String keyId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 24)
  private Chain chain;

  @Enumerated(EnumType.STRING)
  @Column(name = "address_format", nullable = false, length = 24)
  private AddressFormat format;

  @Column(name = "wallet_index", nullable = false)
  private int index;

  @Column(nullable = false, length = 128)
  private String address;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "exported_at")
  private Instant exportedAt;

  @Column(name = "export_count", nullable = false)
  private int exportCount;

  protected Wallet() {}

  public Wallet(
      WalletId id,
      OrganizationId organization,
      Subject subject,
      KeyId keyId,
      Chain chain,
      AddressFormat format,
      int index,
      String address,
      Instant now) {
    this.id = id.toString();
    this.organizationId = organization.toString();
    this.subject = subject.value();
    this.keyId = keyId.toString();
    this.chain = Objects.requireNonNull(chain);
    this.format = Objects.requireNonNull(format);
    this.index = index;
    this.address = Objects.requireNonNull(address);
    this.createdAt = Objects.requireNonNull(now);
  }

  public WalletId id() {
    return new WalletId(UUID.fromString(id));
  }

  public OrganizationId organization() {
    return new OrganizationId(UUID.fromString(organizationId));
  }

  public Subject subject() {
    return new Subject(subject);
  }

  public boolean belongsTo(Subject owner) {
    return subject.equals(owner.value());
  }

  public KeyId keyId() {
    return new KeyId(UUID.fromString(keyId));
  }

  public Chain chain() {
    return chain;
  }

  public AddressFormat format() {
    return format;
  }

  public int index() {
    return index;
  }

  public String address() {
    return address;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant exportedAt() {
    return exportedAt;
  }

  public int exportCount() {
    return exportCount;
  }

  /** The key behind this address was sealed to a device: flagged in the console from now on. */
  public void exported(Instant now) {
    exportedAt = now;
    exportCount++;
  }
}
