package org.planbok.node2.store.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.planbok.node2.audit.control.AuditLog;
import org.planbok.node2.keys.control.KeyShares;
import org.planbok.node2.sealing.control.SealedKeys;
import org.planbok.node2.secrets.control.SecretOracle;

/**
 * The master key rotation job: re-seals, under the current master key, every row still sealed under
 * the previous one (Node 2's own keys, key shares, secret verifiers), each store in its own
 * transaction, and audits the count. {@link StoreStartup} runs it when Node 2 starts with a
 * previous key configured; once a start re-seals 0, the previous key can be removed from the
 * configuration. Until then old blobs still unseal with the previous key.
 */
@ApplicationScoped
public class Rotation {
  private SealedKeys sealedKeys;
  private KeyShares keyShares;
  private SecretOracle oracle;
  private AuditLog audit;

  Rotation() {
    // for the CDI proxy
  }

  @Inject
  public Rotation(SealedKeys sealedKeys, KeyShares keyShares, SecretOracle oracle, AuditLog audit) {
    this.sealedKeys = sealedKeys;
    this.keyShares = keyShares;
    this.oracle = oracle;
    this.audit = audit;
  }

  /** Re-seals what is left under the previous master key; returns how many blobs it re-sealed. */
  public int resealAll() {
    int resealed = sealedKeys.resealStale() + keyShares.resealStale() + oracle.resealStale();
    audit.append("-", "master-key.rotate", "-", "RESEALED", resealed + " blob(s)");
    return resealed;
  }
}
