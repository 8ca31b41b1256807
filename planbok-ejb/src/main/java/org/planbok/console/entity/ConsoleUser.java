package org.planbok.console.entity;

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
import org.planbok.customer.entity.EmailAddress;
import org.planbok.organization.entity.OrganizationId;

/**
 * A person who operates one organization through the console. Signs in with an email address
 * (unique across the installation, kept in lower case) and a password, stored only as an Argon2id
 * hash. Wrong passwords are counted here, so every instance of a deployment group slows down the
 * same account. {@code sessionGeneration} grows whenever the user's password, role or state
 * changes: sessions opened before no longer count.
 */
@Entity
@Table(
    name = "console_user",
    uniqueConstraints = @UniqueConstraint(name = "console_user_email", columnNames = "email"),
    indexes = @Index(name = "console_user_organization", columnList = "organization_id,email"))
public class ConsoleUser {
  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "organization_id", nullable = false, length = 36)
  private String organizationId;

  @Column(nullable = false, length = EmailAddress.MAX_LENGTH)
  private String email;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private ConsoleRole role;

  @Column(name = "password_hash", nullable = false, length = 256)
  private String passwordHash;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "disabled_at")
  private Instant disabledAt;

  @Column(name = "last_sign_in_at")
  private Instant lastSignInAt;

  /** Wrong passwords since the last success or the last lockout. */
  @Column(name = "failed_sign_ins", nullable = false)
  private int failedSignIns;

  /** Lockouts since the last success; each one doubles the next. */
  @Column(nullable = false)
  private int lockouts;

  @Column(name = "locked_until")
  private Instant lockedUntil;

  @Column(name = "session_generation", nullable = false)
  private int sessionGeneration;

  @Version private long version;

  protected ConsoleUser() {}

  public ConsoleUser(
      ConsoleUserId id,
      OrganizationId organization,
      EmailAddress email,
      ConsoleRole role,
      String passwordHash,
      Instant now) {
    this.id = id.toString();
    this.organizationId = organization.toString();
    this.email = normalized(email);
    this.role = Objects.requireNonNull(role);
    this.passwordHash = Objects.requireNonNull(passwordHash);
    this.createdAt = Objects.requireNonNull(now);
  }

  /** How an address is stored and looked up: addresses differ in case only by mistake. */
  public static String normalized(EmailAddress email) {
    return email.value().toLowerCase(java.util.Locale.ROOT);
  }

  public ConsoleUserId id() {
    return new ConsoleUserId(UUID.fromString(id));
  }

  public OrganizationId organization() {
    return new OrganizationId(UUID.fromString(organizationId));
  }

  public boolean belongsTo(OrganizationId organization) {
    return organizationId.equals(organization.toString());
  }

  public String email() {
    return email;
  }

  public ConsoleRole role() {
    return role;
  }

  public String passwordHash() {
    return passwordHash;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant disabledAt() {
    return disabledAt;
  }

  public boolean isActive() {
    return disabledAt == null;
  }

  public Instant lastSignInAt() {
    return lastSignInAt;
  }

  public Instant lockedUntil() {
    return lockedUntil;
  }

  public int sessionGeneration() {
    return sessionGeneration;
  }

  public boolean isLocked(Instant now) {
    return lockedUntil != null && now.isBefore(lockedUntil);
  }

  public void signedIn(Instant now) {
    failedSignIns = 0;
    lockouts = 0;
    lockedUntil = null;
    lastSignInAt = now;
  }

  /**
   * Counts a wrong password; after {@code maxFailures} in a row the account is locked by {@code
   * policy}, and the count starts again. Returns the lockout's end, or null.
   */
  public Instant failedSignIn(SignInPolicy policy, Instant now) {
    if (++failedSignIns < policy.maxFailures()) {
      return null;
    }
    lockouts++;
    failedSignIns = 0;
    lockedUntil = policy.lockedUntil(now, lockouts);
    return lockedUntil;
  }

  public void changeRole(ConsoleRole next) {
    if (role != next) {
      role = next;
      sessionGeneration++;
    }
  }

  public void changePassword(String hash) {
    passwordHash = Objects.requireNonNull(hash);
    sessionGeneration++;
  }

  public void disable(Instant now) {
    if (disabledAt == null) {
      disabledAt = now;
      sessionGeneration++;
    }
  }
}
