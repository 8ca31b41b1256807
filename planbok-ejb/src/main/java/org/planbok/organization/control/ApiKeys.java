package org.planbok.organization.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.planbok.audit.control.AuditLog;
import org.planbok.organization.entity.ApiKey;
import org.planbok.organization.entity.ApiKeyId;
import org.planbok.organization.entity.ApiKeyLabel;
import org.planbok.organization.entity.OrganizationId;
import org.planbok.refusal.Refusal;
import org.planbok.refusal.Refused;

/**
 * An organization's API keys: issued with a fresh secret shown once, found by id and compared by
 * hash at every request (no cache, so a revocation counts at once), listed without secrets.
 */
@Stateless
public class ApiKeys {
  private static final SecureRandom RANDOM = new SecureRandom();

  @PersistenceContext(unitName = "node1")
  EntityManager em;

  @Inject AuditLog audit;

  /** A new key for the organization; the caller shows {@link IssuedApiKey#text()} once. */
  public IssuedApiKey issue(OrganizationId organization, ApiKeyLabel label) {
    try (ApiKeyToken token = ApiKeyToken.generate(ApiKeyId.random(), RANDOM)) {
      byte[] hash = token.hash();
      ApiKey key = new ApiKey(token.id(), organization, hash, label, now());
      em.persist(key);
      audit.append(organization, "api-key.create", key.prefix(), "OK", "label " + label.value());
      return new IssuedApiKey(key, token.text());
    }
  }

  /**
   * The presented key as stored, for its organization; empty when the text is not a key, or the key
   * is unknown, revoked or its secret does not match. The reason is deliberately not told apart.
   */
  public Optional<ApiKey> authenticate(CharSequence presented) {
    Optional<ApiKeyToken> parsed = ApiKeyToken.parse(presented);
    if (parsed.isEmpty()) {
      return Optional.empty();
    }
    try (ApiKeyToken token = parsed.get()) {
      ApiKey key = em.find(ApiKey.class, token.id().toString());
      if (key == null || !token.matches(key.secretHash()) || key.isRevoked()) {
        return Optional.empty();
      }
      key.used(now());
      return Optional.of(key);
    }
  }

  public List<ApiKey> list(OrganizationId organization) {
    return em.createNamedQuery(ApiKey.BY_ORGANIZATION, ApiKey.class)
        .setParameter("organization", organization.toString())
        .getResultList();
  }

  /**
   * Revokes one of the organization's keys; revoking a revoked key changes nothing. Another
   * organization's key is "not found", never "forbidden", so its existence is not confirmed.
   */
  public ApiKey revoke(OrganizationId organization, ApiKeyId id) {
    ApiKey key = get(organization, id);
    if (!key.isRevoked()) {
      key.revoke(now());
      audit.append(
          organization, "api-key.revoke", key.prefix(), "OK", "label " + key.label().value());
    }
    return key;
  }

  /** One of the organization's keys; another organization's is "not found". */
  public ApiKey get(OrganizationId organization, ApiKeyId id) {
    ApiKey key = em.find(ApiKey.class, id.toString());
    if (key == null || !key.organization().equals(organization)) {
      throw new Refused(Refusal.NOT_FOUND, "No API key " + id + ".");
    }
    return key;
  }

  private static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MICROS);
  }
}
