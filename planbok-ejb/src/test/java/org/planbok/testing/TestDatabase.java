package org.planbok.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.Persistence;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Node 1's entities on a real database: in-memory H2, or a PostgreSQL database made for the test on
 * 127.0.0.1:5432 (user postgres, trust authentication) and dropped at {@link #close()}; tests that
 * ask for PostgreSQL are skipped when there is none.
 *
 * <p>Stands in for the container: {@link #entityManager()} delegates to the EntityManager of the
 * calling thread's current transaction, as a JTA transaction-scoped persistence context does;
 * {@link #inTransaction} joins the thread's transaction like {@code REQUIRED} and {@link
 * #inNewTransaction} suspends it like {@code REQUIRES_NEW}. A runtime exception rolls back.
 */
public final class TestDatabase implements AutoCloseable {
  private static final String ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";

  private final EntityManagerFactory emf;
  private final String url;
  private final String user;
  private final String postgresDatabase;
  private final ThreadLocal<EntityManager> current = new ThreadLocal<>();

  private TestDatabase(String url, String user, String postgresDatabase) {
    this.url = url;
    this.user = user;
    this.postgresDatabase = postgresDatabase;
    this.emf =
        Persistence.createEntityManagerFactory(
            "node1-test",
            Map.of(
                "jakarta.persistence.jdbc.url", url,
                "jakarta.persistence.jdbc.user", user,
                "jakarta.persistence.jdbc.password", ""));
  }

  public static TestDatabase h2() {
    String name = "node1-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
    return new TestDatabase("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "sa", null);
  }

  /** A fresh PostgreSQL database; the calling test is skipped if PostgreSQL is not reachable. */
  public static TestDatabase postgres() {
    String name =
        "planbok_ut1_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
    try (Connection admin = DriverManager.getConnection(ADMIN_URL, "postgres", "");
        Statement s = admin.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      assumeTrue(false, "no PostgreSQL at 127.0.0.1:5432 with trust auth: " + e.getMessage());
    }
    return new TestDatabase("jdbc:postgresql://127.0.0.1:5432/" + name, "postgres", name);
  }

  public static TestDatabase named(String kind) {
    return "postgres".equals(kind) ? postgres() : h2();
  }

  /** The EntityManager of whichever transaction the calling thread is in. */
  public EntityManager entityManager() {
    return (EntityManager)
        Proxy.newProxyInstance(
            EntityManager.class.getClassLoader(),
            new Class<?>[] {EntityManager.class},
            (proxy, method, args) -> {
              EntityManager em = current.get();
              if (em == null) {
                throw new IllegalStateException("no transaction on this thread");
              }
              try {
                return method.invoke(em, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }

  /** Runs {@code work} in the thread's transaction, or in a new one if there is none. */
  public <T> T inTransaction(Supplier<T> work) {
    return current.get() != null ? work.get() : inNewTransaction(work);
  }

  /** Runs {@code work} in a transaction of its own, the thread's current one suspended. */
  public <T> T inNewTransaction(Supplier<T> work) {
    EntityManager suspended = current.get();
    EntityManager em = emf.createEntityManager();
    EntityTransaction tx = em.getTransaction();
    current.set(em);
    try {
      tx.begin();
      T result = work.get();
      if (tx.getRollbackOnly()) {
        tx.rollback();
      } else {
        tx.commit();
      }
      return result;
    } catch (RuntimeException | Error e) {
      if (tx.isActive()) {
        tx.rollback();
      }
      throw e;
    } finally {
      if (suspended == null) {
        current.remove();
      } else {
        current.set(suspended);
      }
      em.close();
    }
  }

  public void run(Runnable work) {
    inTransaction(
        () -> {
          work.run();
          return null;
        });
  }

  /** A plain JDBC connection, for reading and tampering with raw rows. */
  public Connection jdbc() throws SQLException {
    return DriverManager.getConnection(url, user, "");
  }

  @Override
  public void close() {
    emf.close();
    if (postgresDatabase != null) {
      try (Connection admin = DriverManager.getConnection(ADMIN_URL, "postgres", "");
          Statement s = admin.createStatement()) {
        s.execute("DROP DATABASE IF EXISTS " + postgresDatabase + " WITH (FORCE)");
      } catch (SQLException e) {
        throw new IllegalStateException("could not drop " + postgresDatabase, e);
      }
    } else {
      try (Connection c = jdbc();
          Statement s = c.createStatement()) {
        s.execute("SHUTDOWN");
      } catch (SQLException e) {
        // already gone
      }
    }
  }
}
