package org.planbok.it;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;

/** Node 1's real client certificate, as generated for this test run by scripts/dev-certs.sh. */
final class Node1Identity {
  private Node1Identity() {}

  static Path certificates() {
    return Path.of(System.getProperty("planbok.it.data"), "certs");
  }

  static KeyManager[] keyManagers() {
    try {
      char[] password = "planbok-dev".toCharArray();
      KeyStore store = KeyStore.getInstance("PKCS12");
      try (InputStream in = Files.newInputStream(certificates().resolve("node1.p12"))) {
        store.load(in, password);
      }
      KeyManagerFactory kmf =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(store, password);
      return kmf.getKeyManagers();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
