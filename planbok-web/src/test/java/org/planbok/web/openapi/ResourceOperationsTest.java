package org.planbok.web.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.planbok.customer.boundary.CreateCustomer;
import org.planbok.customer.boundary.CustomerList;
import org.planbok.customer.boundary.CustomerView;
import org.planbok.idempotency.boundary.Idempotent;
import org.planbok.web.PlanbokApplication;

/**
 * The facts the OpenAPI filter reads from the resources, checked where a mistake is cheapest to
 * see: every operation has its own operationId (the filter finds @Idempotent methods by it), and
 * bodies require what Bean Validation requires.
 */
class ResourceOperationsTest {
  /** A console key's label may be left out; a question is an id or a text, either one. */
  static final java.util.Set<String> ALL_OPTIONAL =
      java.util.Set.of("ConsoleCreateApiKey", "QuestionChoice");

  private final ResourceOperations operations =
      ResourceOperations.of(new PlanbokApplication().getClasses());

  @Test
  void everyResourceMethodHasItsOwnOperationId() {
    List<String> missing = new ArrayList<>();
    Map<String, String> seen = new HashMap<>();
    List<String> repeated = new ArrayList<>();
    for (Method method : operations.methods()) {
      String where = method.getDeclaringClass().getSimpleName() + "#" + method.getName();
      ResourceOperations.organizationOperationId(method)
          .ifPresent(
              id -> {
                String earlier = seen.put(id, where + " (organization)");
                if (earlier != null) {
                  repeated.add(id + ": " + earlier + ", " + where + " (organization)");
                }
              });
      ResourceOperations.operationId(method)
          .ifPresentOrElse(
              id -> {
                String earlier = seen.put(id, where);
                if (earlier != null) {
                  repeated.add(id + ": " + earlier + ", " + where);
                }
              },
              () -> missing.add(where));
    }
    assertEquals(List.of(), missing, "resource methods without operationId");
    assertEquals(List.of(), repeated, "operationIds used twice");
    assertTrue(operations.methods().size() > 50, "found " + operations.methods().size());
  }

  @Test
  void everyIdempotentMethodIsFoundByItsOperationId() {
    long idempotent =
        operations.methods().stream()
            .filter(m -> m.isAnnotationPresent(Idempotent.class))
            .mapToLong(m -> m.isAnnotationPresent(OrganizationOperation.class) ? 2 : 1)
            .sum();
    assertEquals(idempotent, operations.idempotentOperationIds().size());
    assertTrue(operations.idempotentOperationIds().contains("createCustomer"));
    assertTrue(operations.idempotentOperationIds().contains("createOrganizationKeys"));
  }

  @Test
  void aRequestBodyRequiresWhatBeanValidationRequires() {
    assertEquals(List.of("externalRef", "email"), RequiredFields.of(CreateCustomer.class));
  }

  @Test
  void aResponseRecordHasEveryMemberEvenWhenNull() {
    assertEquals(
        List.of("id", "externalRef", "email", "status", "createdAt", "updatedAt"),
        RequiredFields.of(CustomerView.class));
    assertEquals(List.of("items", "nextCursor"), RequiredFields.of(CustomerList.class));
  }

  @Test
  void everyBodyWithMembersRequiresSome() {
    List<String> none = new ArrayList<>();
    operations
        .bodyClasses()
        .forEach(
            (name, type) -> {
              if (!BodySchemas.members(type).isEmpty()
                  && RequiredFields.of(type).isEmpty()
                  && !ALL_OPTIONAL.contains(name)) {
                none.add(name);
              }
            });
    assertEquals(List.of(), none, "bodies that require nothing");
  }

  @Test
  void bodyClassesAreFoundThroughWhatTheyHold() {
    Map<String, Class<?>> bodies = operations.bodyClasses();
    assertEquals(CustomerList.class, bodies.get("CustomerList"));
    assertEquals(CustomerView.class, bodies.get("CustomerView"));
    assertEquals(CreateCustomer.class, bodies.get("CreateCustomer"));
  }

  @Test
  void eachOwnerScopedConceptIsDeclaredOnceAndServedAtBothOwnersPaths() {
    OwnerRoutes owners =
        OwnerRoutes.of(PlanbokApplication.class, new PlanbokApplication().getClasses());
    assertEquals(
        List.of(
            "OrganizationKeysResource extends CustomerKeysResource",
            "OrganizationSecretResource extends CustomerPinResource",
            "OrganizationPolicyResource extends CustomerPolicyResource",
            "OrganizationWalletsResource extends CustomerWalletsResource"),
        owners.pairs().stream()
            .map(p -> p.organization().getSimpleName() + " extends " + p.customer().getSimpleName())
            .toList());
    for (OwnerRoutes.Pair pair : owners.pairs()) {
      assertEquals(
          List.of(),
          operations.methods().stream()
              .filter(m -> m.getDeclaringClass() == pair.organization())
              .toList(),
          "the organization's route declares no endpoint of its own");
    }
  }

  @Test
  void everyOrganizationOperationKeepsItsOperationIdAndIdempotency() {
    Set<String> idempotent = operations.idempotentOperationIds();
    for (String id :
        List.of(
            "createOrganizationKeys",
            "signWithOrganizationKey",
            "refreshOrganizationKey",
            "createOrganizationWallet",
            "signWithOrganizationWallet",
            "exportOrganizationWallet",
            "putOrganizationPolicy",
            "deleteOrganizationPolicy",
            "setUpOrganizationSecret",
            "verifyOrganizationSecret",
            "changeOrganizationSecret")) {
      assertTrue(idempotent.contains(id), id);
    }
    List<String> reads = new ArrayList<>();
    for (Method method : operations.methods()) {
      ResourceOperations.organizationOperationId(method)
          .filter(id -> !idempotent.contains(id))
          .ifPresent(reads::add);
    }
    reads.sort(null);
    assertEquals(
        List.of(
            "getOrganizationKey",
            "getOrganizationPolicy",
            "getOrganizationSecret",
            "getOrganizationWallet",
            "listOrganizationKeys",
            "listOrganizationWallets"),
        reads);
  }
}
