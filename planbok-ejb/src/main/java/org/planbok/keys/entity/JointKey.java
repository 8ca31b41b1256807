package org.planbok.keys.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.planbok.custody.entity.Subject;
import org.planbok.organization.entity.OrganizationId;

/**
 * A two-party key as Node 1 holds it: the joint public key, the chain code for public derivation
 * (sealed under the database key), Node 1's share (P2's, DESIGN §4) sealed under the subject's
 * vault key, and the generation of that share (the session that made it). A refresh stages the next
 * generation beside the current one until Node 2 decides, so a crash between the two nodes' commits
 * loses neither.
 *
 * <p>The chain code is sealed under Node 1's database key, not under the vault key, so that wallets
 * can be derived without the PIN ({@code ChainCodes}), and a copy of the database alone does not
 * read it. It is never in a response or a log: with one exported child key it would give away the
 * root key and every sibling (DESIGN §4), which is why exports are recorded.
 */
@Entity
@Table(
    name = "joint_key",
    uniqueConstraints =
        @UniqueConstraint(
            name = "joint_key_subject_curve",
            columnNames = {"subject", "curve"}),
    indexes = {
      @Index(name = "joint_key_organization", columnList = "organization_id,created_at,id"),
      @Index(name = "joint_key_state", columnList = "state,created_at")
    })
public class JointKey {
  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "organization_id", nullable = false, length = 36)
  private String organizationId;

  @Column(nullable = false, length = 64)
  private String subject;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private Curve curve;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private KeyState state;

  @Column(name = "public_key", nullable = false, length = 33)
  private byte[] publicKey;

  @Column(name = "sealed_chain_code", nullable = false, length = 128)
  private byte[] sealedChainCode;

  @Column(name = "sealed_share", nullable = false, length = 4096)
  private byte[] sealedShare;

  @Column(nullable = false, length = 64)
  private String generation;

  @Column(name = "pending_sealed_share", length = 4096)
  private byte[] pendingSealedShare;

  @Column(name = "pending_generation", length = 64)
  private String pendingGeneration;

  @Column(name = "pending_since")
  private Instant pendingSince;

  @Column(nullable = false)
  private boolean frozen;

  @Column(name = "frozen_at")
  private Instant frozenAt;

  @Column(name = "exported_at")
  private Instant exportedAt;

  @Column(name = "export_count", nullable = false)
  private int exportCount;

  @Column(name = "refreshed_at")
  private Instant refreshedAt;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Version private long version;

  protected JointKey() {}

  /** A key whose generation {@code generation} Node 1 stored and Node 2 has yet to commit. */
  public JointKey(
      KeyId id,
      OrganizationId organization,
      Subject subject,
      Curve curve,
      byte[] publicKey,
      byte[] sealedChainCode,
      byte[] sealedShare,
      String generation,
      Instant now) {
    this.id = id.toString();
    this.organizationId = organization.toString();
    this.subject = subject.value();
    this.curve = Objects.requireNonNull(curve);
    this.state = KeyState.PENDING;
    this.publicKey = publicKey.clone();
    this.sealedChainCode = sealedChainCode.clone();
    this.sealedShare = sealedShare.clone();
    this.generation = Objects.requireNonNull(generation);
    this.createdAt = Objects.requireNonNull(now);
  }

  public KeyId id() {
    return new KeyId(UUID.fromString(id));
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

  public Curve curve() {
    return curve;
  }

  public KeyState state() {
    return state;
  }

  public byte[] publicKey() {
    return publicKey.clone();
  }

  public byte[] sealedChainCode() {
    return sealedChainCode.clone();
  }

  public byte[] sealedShare() {
    return sealedShare.clone();
  }

  public String generation() {
    return generation;
  }

  public String pendingGeneration() {
    return pendingGeneration;
  }

  public byte[] pendingSealedShare() {
    return pendingSealedShare == null ? null : pendingSealedShare.clone();
  }

  public Instant pendingSince() {
    return pendingSince;
  }

  public boolean frozen() {
    return frozen;
  }

  public Instant frozenAt() {
    return frozenAt;
  }

  public Instant exportedAt() {
    return exportedAt;
  }

  public int exportCount() {
    return exportCount;
  }

  public Instant refreshedAt() {
    return refreshedAt;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public void activate() {
    state = KeyState.ACTIVE;
  }

  /** Node 2 froze the key (DESIGN §3); only a refresh lifts it. */
  public void freeze(Instant now) {
    if (!frozen) {
      frozen = true;
      frozenAt = now;
    }
  }

  /** Keeps the next generation beside the current one until Node 2 decides. */
  public void stageGeneration(byte[] sealed, String nextGeneration, Instant now) {
    pendingSealedShare = sealed.clone();
    pendingGeneration = Objects.requireNonNull(nextGeneration);
    pendingSince = now;
  }

  /** Node 2 committed the staged generation: it becomes the share, and a freeze is lifted. */
  public void promoteGeneration(Instant now) {
    sealedShare = pendingSealedShare;
    generation = pendingGeneration;
    dropGeneration();
    frozen = false;
    frozenAt = null;
    refreshedAt = now;
  }

  /**
   * After a recovery moved the subject to a new vault key: the same shares, sealed under it (the
   * staged one too, when a refresh awaits Node 2's decision).
   */
  public void resealed(byte[] sealed, byte[] pendingSealed) {
    sealedShare = sealed.clone();
    pendingSealedShare = pendingSealed == null ? null : pendingSealed.clone();
  }

  public void dropGeneration() {
    pendingSealedShare = null;
    pendingGeneration = null;
    pendingSince = null;
  }

  public void exported(Instant now) {
    exportedAt = now;
    exportCount++;
  }
}
