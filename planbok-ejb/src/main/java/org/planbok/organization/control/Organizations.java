package org.planbok.organization.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.planbok.custody.control.Vaults;
import org.planbok.custody.entity.Subject;
import org.planbok.organization.entity.ApiKeyLabel;
import org.planbok.organization.entity.Organization;
import org.planbok.organization.entity.OrganizationId;
import org.planbok.organization.entity.OrganizationName;
import org.planbok.refusal.Refusal;
import org.planbok.refusal.Refused;

/** Organizations, created by an operator together with their first API key. */
@Stateless
public class Organizations {
  @PersistenceContext(unitName = "node1")
  EntityManager em;

  @Inject ApiKeys keys;
  @Inject Vaults vaults;

  public NewOrganization create(OrganizationName name, ApiKeyLabel firstKeyLabel) {
    Organization organization =
        new Organization(
            OrganizationId.random(), name, Instant.now().truncatedTo(ChronoUnit.MICROS));
    em.persist(organization);
    vaults.ensure(Subject.organization(organization.id()), organization.id());
    return new NewOrganization(organization, keys.issue(organization.id(), firstKeyLabel));
  }

  public Organization get(OrganizationId id) {
    Organization organization = em.find(Organization.class, id.toString());
    if (organization == null) {
      throw new Refused(Refusal.NOT_FOUND, "No organization " + id + ".");
    }
    return organization;
  }
}
