package org.planbok.custody.control;

import de.mkammerer.argon2.Argon2;
import de.mkammerer.argon2.Argon2Factory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Node 1's verifier of a pepper (DESIGN §5): {@code Argon2id(salt, pepper)} in the PHC string form
 * with its own random salt, from argon2-jvm. Parameters from {@code planbok.node1.argon2.*},
 * defaulting to OWASP's recommendation for Argon2id (19 MiB, 2 iterations, 1 lane); stronger
 * settings apply to new verifiers, and old ones keep verifying with theirs.
 */
@ApplicationScoped
public class PepperVerifier {
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

  public String of(byte[] pepper) {
    return argon2.hash(iterations, memoryKib, parallelism, pepper);
  }

  public boolean matches(String verifier, byte[] pepper) {
    return argon2.verify(verifier, pepper);
  }

  /** For tests: a verifier with these parameters. */
  public static PepperVerifier with(int memoryKib, int iterations, int parallelism) {
    PepperVerifier v = new PepperVerifier();
    v.memoryKib = memoryKib;
    v.iterations = iterations;
    v.parallelism = parallelism;
    return v;
  }
}
