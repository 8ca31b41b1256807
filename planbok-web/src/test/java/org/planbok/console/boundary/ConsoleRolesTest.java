package org.planbok.console.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.planbok.console.entity.ConsoleRole;
import org.planbok.web.PlanbokApplication;

class ConsoleRolesTest {
  /** Changes a viewer may make: only to their own session and password. */
  private static final Set<String> A_VIEWERS_OWN =
      Set.of(
          "ConsoleSessionResource.signIn",
          "ConsoleSessionResource.signOut",
          "ConsoleSessionResource.changePassword");

  static class Sample {
    @ConsoleAccess(ConsoleRole.ADMIN)
    public void change() {}

    @ConsoleAccess(ConsoleRole.VIEWER)
    public void look() {}

    public void forgotten() {}
  }

  private static Method sample(String name) throws NoSuchMethodException {
    return Sample.class.getMethod(name);
  }

  @Test
  void aViewerMayLookButNotChange() throws Exception {
    assertEquals(Optional.empty(), ConsoleRoles.refusal(sample("look"), ConsoleRole.VIEWER));
    assertTrue(ConsoleRoles.refusal(sample("change"), ConsoleRole.VIEWER).isPresent());
  }

  @Test
  void anAdminMayDoBoth() throws Exception {
    assertEquals(Optional.empty(), ConsoleRoles.refusal(sample("look"), ConsoleRole.ADMIN));
    assertEquals(Optional.empty(), ConsoleRoles.refusal(sample("change"), ConsoleRole.ADMIN));
  }

  @Test
  void aMethodWithoutConsoleAccessIsRefusedToEveryone() throws Exception {
    for (ConsoleRole role : ConsoleRole.values()) {
      assertTrue(ConsoleRoles.refusal(sample("forgotten"), role).isPresent());
    }
    assertTrue(ConsoleRoles.refusal(null, ConsoleRole.ADMIN).isPresent());
  }

  @Test
  void nobodySignedInIsRefused() throws Exception {
    assertTrue(ConsoleRoles.refusal(sample("look"), null).isPresent());
  }

  @Test
  void everyConsoleMethodSaysWhoMayCallItAndEveryChangeNeedsAnAdmin() {
    List<String> consoleMethods = new ArrayList<>();
    for (Class<?> type : new PlanbokApplication().getClasses()) {
      Path path = type.getAnnotation(Path.class);
      if (path == null || !ConsolePaths.isConsole(path.value())) {
        continue;
      }
      for (Method method : type.getDeclaredMethods()) {
        boolean read = method.isAnnotationPresent(GET.class);
        boolean change =
            method.isAnnotationPresent(POST.class)
                || method.isAnnotationPresent(PUT.class)
                || method.isAnnotationPresent(DELETE.class);
        if (!read && !change) {
          continue;
        }
        String name = type.getSimpleName() + "." + method.getName();
        consoleMethods.add(name);
        ConsoleAccess access = method.getAnnotation(ConsoleAccess.class);
        assertNotNull(access, name + " has no @ConsoleAccess");
        if (change && !A_VIEWERS_OWN.contains(name)) {
          assertEquals(ConsoleRole.ADMIN, access.value(), name + " changes something");
        }
      }
    }
    assertTrue(consoleMethods.size() > 15, consoleMethods.toString());
    assertTrue(consoleMethods.containsAll(A_VIEWERS_OWN));
    assertFalse(consoleMethods.contains("ConsoleRolesTest.sample"));
  }
}
