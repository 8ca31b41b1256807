package org.planbok.node2.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * This node's identity: read from the database, or created there, when the application starts
 * (which also proves the node's own persistence unit works); afterwards every Ping reads the cached
 * value without a transaction (a JTA transaction per Ping cost milliseconds of round trip).
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
  void load(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    if (nodeId == null) {
      NodeIdentityRecord record = em.find(NodeIdentityRecord.class, NodeIdentityRecord.SINGLETON);
      if (record == null) {
        record = new NodeIdentityRecord("node2-" + UUID.randomUUID(), Instant.now());
        em.persist(record);
      }
      nodeId = record.nodeId();
    }
  }

  public String nodeId() {
    String id = nodeId;
    if (id == null) {
      throw new IllegalStateException("Node 2's identity is not loaded yet");
    }
    return id;
  }

  public String version() {
    return version;
  }
}
