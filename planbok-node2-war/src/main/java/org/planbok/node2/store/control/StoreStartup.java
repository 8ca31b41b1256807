package org.planbok.node2.store.control;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.util.logging.Logger;
import org.planbok.node2.audit.control.AuditLog;
import org.planbok.node2.keys.control.SigningSessions;
import org.planbok.node2.sealing.control.MasterKeys;
import org.planbok.node2.sealing.control.SealedKeys;

/**
 * Runs before anything else when Node 2 deploys (before the gRPC server opens its port): loads the
 * master key, so a Node 2 without one fails to deploy with a message naming the configuration keys,
 * and makes the keys and the audit head that would otherwise be created by the first request, so
 * requests never race to create them, and ends the signing sessions a previous process left open
 * (they no longer count against their key's cap). During a master key rotation (a previous key
 * configured) it re-seals every blob still under the previous key before Node 2 takes any request.
 */
@ApplicationScoped
public class StoreStartup {
  private static final Logger LOG = Logger.getLogger(StoreStartup.class.getName());

  @Inject MasterKeys masterKeys;
  @Inject SealedKeys sealedKeys;
  @Inject AuditLog audit;
  @Inject Rotation rotation;
  @Inject SigningSessions signingSessions;

  void start(
      @Observes
          @Priority(Interceptor.Priority.PLATFORM_BEFORE)
          @Initialized(ApplicationScoped.class)
          Object ignored) {
    LOG.info(() -> "Node 2 master key loaded: " + masterKeys.current());
    try {
      prepare();
    } catch (RuntimeException e) {
      // Another replica may have created the same rows a moment earlier: they exist now.
      prepare();
    }
  }

  private void prepare() {
    sealedKeys.ensure(SealedKeys.PEPPER);
    sealedKeys.ensure(SealedKeys.AUDIT_ANCHOR);
    sealedKeys.ensure(SealedKeys.EXPORT_AUTHORIZATION);
    audit.ensureHead();
    int ended = signingSessions.endAllOpen();
    if (ended > 0) {
      LOG.info(() -> "ended " + ended + " signing session(s) a previous process left open");
    }
    if (masterKeys.accepted().size() > 1) {
      LOG.info("a previous master key is configured: re-sealing what is still sealed under it");
      int resealed = rotation.resealAll();
      LOG.info(
          () ->
              "re-sealed "
                  + resealed
                  + " blob(s) under "
                  + masterKeys.current()
                  + "; once a start re-seals 0, remove planbok.node2.master-key-previous");
    }
  }
}
