package org.planbok.system.control;

import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.UUID;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.planbok.system.entity.NodeIdentityRecord;

/**
 * This node's identity, read from Node 1's database or created there at first start. Loading it at
 * start-up proves the persistence unit works before the first request.
 */
@Singleton
@Startup
public class Node1Identity {
  private static final Logger LOG = Logger.getLogger(Node1Identity.class.getName());

  @PersistenceContext(unitName = "node1")
  EntityManager em;

  @Inject
  @ConfigProperty(name = "planbok.version", defaultValue = "unknown")
  String version;

  private String nodeId;

  @jakarta.annotation.PostConstruct
  void load() {
    NodeIdentityRecord record = em.find(NodeIdentityRecord.class, NodeIdentityRecord.SINGLETON);
    if (record == null) {
      record = new NodeIdentityRecord("node1-" + UUID.randomUUID(), Instant.now());
      em.persist(record);
    }
    nodeId = record.nodeId();
    LOG.info(() -> "Node 1 " + nodeId + " version " + version);
  }

  public String nodeId() {
    return nodeId;
  }

  public String version() {
    return version;
  }
}
