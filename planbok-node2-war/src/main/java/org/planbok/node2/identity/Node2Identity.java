package org.planbok.node2.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * This node's identity: read from the database, created on first use. Proves at start-up that the
 * node's own persistence unit works.
 */
@ApplicationScoped
public class Node2Identity {
  @PersistenceContext(unitName = "node2")
  EntityManager em;

  @Inject
  @ConfigProperty(name = "planbok.version", defaultValue = "unknown")
  String version;

  private volatile String nodeId;

  @Transactional
  public String nodeId() {
    String id = nodeId;
    if (id == null) {
      NodeIdentityRecord record = em.find(NodeIdentityRecord.class, NodeIdentityRecord.SINGLETON);
      if (record == null) {
        record = new NodeIdentityRecord("node2-" + UUID.randomUUID(), Instant.now());
        em.persist(record);
      }
      id = record.nodeId();
      nodeId = id;
    }
    return id;
  }

  public String version() {
    return version;
  }
}
