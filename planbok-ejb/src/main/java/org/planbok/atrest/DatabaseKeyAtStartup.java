package org.planbok.atrest;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * Loads the database key when Node 1 deploys, so a Node 1 without one fails to deploy with the
 * message naming the settings, instead of failing its first idempotent call.
 */
@Singleton
@Startup
public class DatabaseKeyAtStartup {
  private static final Logger LOG = Logger.getLogger(DatabaseKeyAtStartup.class.getName());

  @Inject DatabaseKey key;

  @PostConstruct
  void load() {
    String loaded = key.toString(); // resolves the bean: a missing key throws here
    LOG.info(() -> "Node 1 database key loaded: " + loaded);
  }
}
