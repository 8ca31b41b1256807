package org.planbok.argon2;

import de.mkammerer.argon2.Argon2;
import de.mkammerer.argon2.Argon2Factory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Argon2id hashes in the PHC string form from argon2-jvm, each with its own random salt, at Node
 * 1's cost from {@code planbok.node1.argon2.*}: OWASP's recommendation by default (19 MiB, 2
 * passes, 1 lane). Stronger settings apply to new hashes; a stored hash keeps verifying with the
 * cost it was made with. Used for pepper verifiers and console passwords alike.
 */
@ApplicationScoped
public class Argon2idHashes {
  @Inject
  @ConfigProperty(name = "planbok.node1.argon2.memory-kib", defaultValue = "19456")
  int memoryKib;

  @Inject
  @ConfigProperty(name = "planbok.node1.argon2.iterations", defaultValue = "2")
  int iterations;

  @Inject
  @ConfigProperty(name = "planbok.node1.argon2.parallelism", defaultValue = "1")
  int parallelism;

  private final Argon2 argon2 = Argon2Factory.create(Argon2Factory.Argon2Types.ARGON2id);

  /** For tests: hashes at this cost. */
  public static Argon2idHashes with(int memoryKib, int iterations, int parallelism) {
    Argon2idHashes h = new Argon2idHashes();
    h.memoryKib = memoryKib;
    h.iterations = iterations;
    h.parallelism = parallelism;
    return h;
  }

  public String of(byte[] secret) {
    return argon2.hash(iterations, memoryKib, parallelism, secret);
  }

  /** A password's hash, of its UTF-8 bytes. */
  public String of(char[] password) {
    return argon2.hash(iterations, memoryKib, parallelism, password, StandardCharsets.UTF_8);
  }

  public boolean matches(String hash, byte[] secret) {
    return argon2.verify(hash, secret);
  }

  public boolean matches(String hash, char[] password) {
    return argon2.verify(hash, password, StandardCharsets.UTF_8);
  }
}
