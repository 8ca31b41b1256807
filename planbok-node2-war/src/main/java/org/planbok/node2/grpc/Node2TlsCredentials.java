package org.planbok.node2.grpc;

import io.grpc.ServerCredentials;
import io.grpc.TlsServerCredentials;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;

/**
 * Builds Node 2's TLS server credentials: its own key pair from a PKCS#12 key store, and as the
 * only trust anchor Node 1's certificate, so that no other client completes the handshake.
 */
final class Node2TlsCredentials {
  private Node2TlsCredentials() {}

  static ServerCredentials load(Path keyStore, char[] password, Path trustedClientCertificate)
      throws IOException, GeneralSecurityException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keyStore)) {
      store.load(in, password);
    }
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(store, password);
    return TlsServerCredentials.newBuilder()
        .keyManager(kmf.getKeyManagers())
        .trustManager(trustedClientCertificate.toFile())
        .clientAuth(TlsServerCredentials.ClientAuth.REQUIRE)
        .build();
  }
}
