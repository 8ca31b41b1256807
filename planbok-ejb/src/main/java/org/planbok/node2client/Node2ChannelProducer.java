package org.planbok.node2client;

import io.grpc.ChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.TlsChannelCredentials;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.netty.channel.EventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.nio.NioEventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.socket.nio.NioSocketChannel;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import javax.net.ssl.KeyManagerFactory;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.planbok.node2.api.LinkThreads;

/**
 * Produces the one channel Node 1 uses to reach Node 2, and closes it when the application stops.
 * Node 1 presents its client certificate and trusts exactly Node 2's certificate (pinning): a
 * server with any other certificate fails the handshake. The channel owns its event loop and
 * executor, so nothing outlives an undeploy.
 */
@ApplicationScoped
public class Node2ChannelProducer {
  private static final Logger LOG = Logger.getLogger(Node2ChannelProducer.class.getName());

  @Inject
  @ConfigProperty(name = "planbok.node2.target", defaultValue = "localhost:50051")
  String target;

  @Inject
  @ConfigProperty(name = "planbok.node1.tls.key-store")
  String keyStore;

  @Inject
  @ConfigProperty(name = "planbok.node1.tls.key-store-password")
  String keyStorePassword;

  @Inject
  @ConfigProperty(name = "planbok.node1.tls.node2-certificate")
  String node2Certificate;

  private EventLoopGroup eventLoop;
  private ExecutorService executor;

  @Produces
  @ApplicationScoped
  @Node2
  ManagedChannel channel() {
    eventLoop = new NioEventLoopGroup(2, LinkThreads.named("node1-grpc-io"));
    executor = Executors.newCachedThreadPool(LinkThreads.named("node1-grpc-call"));
    ManagedChannel channel =
        NettyChannelBuilder.forTarget(target, credentials())
            .eventLoopGroup(eventLoop)
            .channelType(NioSocketChannel.class)
            .executor(executor)
            .keepAliveTime(30, TimeUnit.SECONDS)
            // 4 MiB: the seed key generation's garbled circuits are 1.9 MB a frame (issue 13).
            .maxInboundMessageSize(4 << 20)
            .build();
    LOG.info(() -> "Node 2 channel to " + target + " (mutual TLS, pinned certificate)");
    // Connect now, so the first request does not also pay for the TLS handshake.
    channel.getState(true);
    return channel;
  }

  void close(@Disposes @Node2 ManagedChannel channel) {
    channel.shutdown();
    try {
      if (!channel.awaitTermination(3, TimeUnit.SECONDS)) {
        channel.shutdownNow();
      }
    } catch (InterruptedException e) {
      channel.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  @PreDestroy
  void releaseThreads() {
    if (executor != null) {
      executor.shutdownNow();
    }
    if (eventLoop != null) {
      eventLoop.shutdownGracefully(0, 2, TimeUnit.SECONDS);
    }
  }

  private ChannelCredentials credentials() {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      char[] password = keyStorePassword.toCharArray();
      try (InputStream in = Files.newInputStream(Path.of(keyStore))) {
        store.load(in, password);
      }
      KeyManagerFactory kmf =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(store, password);
      return TlsChannelCredentials.newBuilder()
          .keyManager(kmf.getKeyManagers())
          .trustManager(Path.of(node2Certificate).toFile())
          .build();
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException(
          "cannot load Node 1's TLS material (planbok.node1.tls.*): " + e.getMessage(), e);
    }
  }
}
