package org.planbok.console.boundary;

import java.time.Instant;
import java.util.HexFormat;
import org.planbok.audit.entity.AuditEntry;
import org.planbok.console.entity.ConsoleUser;
import org.planbok.customer.entity.Customer;
import org.planbok.keys.entity.JointKey;
import org.planbok.keys.entity.ProtocolSession;
import org.planbok.wallet.control.Chains;
import org.planbok.wallet.entity.Wallet;

/** How the console shows each thing: flat JSON records, never a secret, never a chain code. */
public final class ConsoleViews {
  private ConsoleViews() {}

  public record CustomerRow(
      String id, String externalRef, String email, String status, Instant createdAt) {
    static CustomerRow of(Customer c) {
      return new CustomerRow(
          c.id().toString(),
          c.externalRef().value(),
          c.email().value(),
          c.status().name(),
          c.createdAt());
    }
  }

  public record KeyRow(
      String id,
      String owner,
      String curve,
      String publicKey,
      boolean frozen,
      Instant frozenAt,
      Instant createdAt,
      Instant refreshedAt,
      int exportCount,
      Instant lastExportedAt) {
    static KeyRow of(JointKey k) {
      return new KeyRow(
          k.id().toString(),
          k.subject().value(),
          k.curve().label(),
          HexFormat.of().formatHex(k.publicKey()),
          k.frozen(),
          k.frozenAt(),
          k.createdAt(),
          k.refreshedAt(),
          k.exportCount(),
          k.exportedAt());
    }
  }

  public record WalletRow(
      String id,
      String owner,
      String chain,
      String format,
      int index,
      String path,
      String address,
      String keyId,
      Instant createdAt,
      int exportCount,
      Instant lastExportedAt) {
    static WalletRow of(Wallet w) {
      return new WalletRow(
          w.id().toString(),
          w.subject().value(),
          Chains.name(w.chain()),
          Chains.name(w.format()),
          w.index(),
          w.chain().path(w.format(), w.index()).toString(),
          w.address(),
          w.keyId().toString(),
          w.createdAt(),
          w.exportCount(),
          w.exportedAt());
    }
  }

  public record SessionRow(
      String id,
      String operation,
      String curve,
      String keyId,
      String owner,
      String state,
      String outcome,
      Instant startedAt,
      Instant finishedAt,
      Double durationMs) {
    static SessionRow of(ProtocolSession s) {
      return new SessionRow(
          s.id(),
          s.operation(),
          s.curve().label(),
          s.keyId().toString(),
          s.subject(),
          s.state().name(),
          s.outcome(),
          s.startedAt(),
          s.finishedAt(),
          s.durationMicros() == null ? null : s.durationMicros() / 1000.0);
    }
  }

  public record AuditRow(
      long sequence,
      Instant at,
      String actor,
      String action,
      String target,
      String outcome,
      String detail,
      String hash) {
    static AuditRow of(AuditEntry e) {
      return new AuditRow(
          e.sequence(),
          e.at(),
          e.actor(),
          e.action(),
          e.target(),
          e.outcome(),
          e.detail(),
          HexFormat.of().formatHex(e.hash()));
    }
  }

  public record UserRow(
      String id,
      String email,
      String role,
      boolean active,
      Instant createdAt,
      Instant lastSignInAt,
      Instant lockedUntil) {
    static UserRow of(ConsoleUser u) {
      Instant locked = u.isLocked(Instant.now()) ? u.lockedUntil() : null;
      return new UserRow(
          u.id().toString(),
          u.email(),
          u.role().label(),
          u.isActive(),
          u.createdAt(),
          u.lastSignInAt(),
          locked);
    }
  }
}
