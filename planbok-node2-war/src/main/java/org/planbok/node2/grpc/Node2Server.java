package org.planbok.node2.grpc;

import io.grpc.BindableService;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.netty.shaded.io.netty.channel.EventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.nio.NioEventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.socket.nio.NioServerSocketChannel;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.planbok.node2.api.LinkThreads;

/**
 * Starts the gRPC server when the application deploys and stops it when it undeploys. It owns its
 * event loops and executor (never grpc's shared ones), so nothing outlives the application.
 */
@ApplicationScoped
public class Node2Server {
  private static final Logger LOG = Logger.getLogger(Node2Server.class.getName());

  @Inject
  @ConfigProperty(name = "planbok.node2.grpc.host", defaultValue = "127.0.0.1")
  String host;

  @Inject
  @ConfigProperty(name = "planbok.node2.grpc.port")
  int port;

  @Inject
  @ConfigProperty(name = "planbok.node2.tls.key-store")
  String keyStore;

  @Inject
  @ConfigProperty(name = "planbok.node2.tls.key-store-password")
  String keyStorePassword;

  @Inject
  @ConfigProperty(name = "planbok.node2.tls.trusted-client-certificate")
  String trustedClientCertificate;

  @Inject @Node2Service Instance<BindableService> services;

  private Server server;
  private EventLoopGroup boss;
  private EventLoopGroup workers;
  private ExecutorService executor;

  /**
   * Starts once per deployment. The container may fire {@code @Initialized(ApplicationScoped)} more
   * than once (Payara Micro was seen to); a second server would leak the first one's threads.
   */
  synchronized void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    if (server != null) {
      return;
    }
    try {
      boss = new NioEventLoopGroup(1, LinkThreads.named("node2-grpc-boss"));
      workers = new NioEventLoopGroup(2, LinkThreads.named("node2-grpc-io"));
      executor = Executors.newFixedThreadPool(8, LinkThreads.named("node2-grpc-call"));
      NettyServerBuilder builder =
          NettyServerBuilder.forAddress(
                  new InetSocketAddress(host, port),
                  Node2TlsCredentials.load(
                      Path.of(keyStore),
                      keyStorePassword.toCharArray(),
                      Path.of(trustedClientCertificate)))
              .bossEventLoopGroup(boss)
              .workerEventLoopGroup(workers)
              .channelType(NioServerSocketChannel.class)
              .executor(executor)
              .permitKeepAliveTime(10, TimeUnit.SECONDS)
              // 4 MiB: the seed key generation's garbled circuits are 1.9 MB a frame (issue 13).
              .maxInboundMessageSize(4 << 20);
      services.forEach(builder::addService);
      server = builder.build().start();
      LOG.info(() -> "Node 2 gRPC server listening on " + host + ":" + port + " (mutual TLS)");
    } catch (Exception e) {
      LOG.log(Level.SEVERE, "Node 2 gRPC server failed to start on " + host + ":" + port, e);
      stop();
      throw new IllegalStateException("Node 2 gRPC server failed to start: " + e.getMessage(), e);
    }
  }

  public boolean isRunning() {
    return server != null && !server.isShutdown() && !server.isTerminated();
  }

  public int port() {
    return port;
  }

  @PreDestroy
  synchronized void stop() {
    if (server != null) {
      server.shutdown();
      try {
        if (!server.awaitTermination(5, TimeUnit.SECONDS)) {
          server.shutdownNow();
        }
      } catch (InterruptedException e) {
        server.shutdownNow();
        Thread.currentThread().interrupt();
      }
      LOG.info("Node 2 gRPC server stopped");
    }
    if (executor != null) {
      executor.shutdownNow();
    }
    if (workers != null) {
      workers.shutdownGracefully(0, 2, TimeUnit.SECONDS);
    }
    if (boss != null) {
      boss.shutdownGracefully(0, 2, TimeUnit.SECONDS);
    }
  }
}
