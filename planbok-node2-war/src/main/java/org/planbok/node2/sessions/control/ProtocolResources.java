package org.planbok.node2.sessions.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.planbok.mpc.paillier.PaillierKeyPool;

/**
 * What the protocols need from the runtime: randomness, and a background pool of 2048-bit Paillier
 * keys so that a key generation does not wait ~0.5 s for primes. The pool's threads stop with the
 * application.
 */
@ApplicationScoped
public class ProtocolResources {
  private static final Logger LOG = Logger.getLogger(ProtocolResources.class.getName());

  @Inject
  @ConfigProperty(name = "planbok.node2.paillier-pool.size", defaultValue = "2")
  int poolSize;

  private final SecureRandom random = new SecureRandom();
  private PaillierKeyPool paillierKeys;

  @PostConstruct
  void start() {
    paillierKeys = PaillierKeyPool.start(poolSize, random);
    LOG.info(() -> "Paillier key pool started, keeping " + poolSize + " keys ready");
  }

  @Produces
  PaillierKeyPool paillierKeys() {
    return paillierKeys;
  }

  @Produces
  SecureRandom random() {
    return random;
  }

  @PreDestroy
  void stop() {
    if (paillierKeys != null) {
      paillierKeys.close();
    }
  }
}
