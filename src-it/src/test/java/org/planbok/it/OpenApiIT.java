package org.planbok.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Node 1's {@code /openapi} as an integrator's tooling reads it: valid OpenAPI 3 (swagger-parser's
 * validation, the parser openapi-generator uses), and complete by our own stricter rules; and the
 * same document as the committed {@code docs/openapi.yaml} that the Java client is generated from.
 * The served document is written to {@code target/openapi/openapi.yaml}: after an intended change
 * of the API, {@code scripts/openapi-refresh.sh} copies it over the committed one.
 */
@ExtendWith(ArquillianExtension.class)
class OpenApiIT {
  private static final String PROBLEM_JSON = "application/problem+json";
  private static final String PROBLEM_REF = "#/components/schemas/Problem";
  private static final String IDEMPOTENCY_KEY = "Idempotency-Key";

  /**
   * The only calls that change something without an Idempotency-Key: signing in and out of the
   * console and changing one's console password (a browser session, protected by CSRF instead), and
   * the operator's diagnostic pings to Node 2 (they change nothing stored).
   */
  private static final Set<String> NOT_IDEMPOTENT =
      Set.of("signInToConsole", "signOutOfConsole", "changeConsolePassword", "pingNode2");

  /** A console key's label may be left out; a recovery question is an id or a text, either. */
  private static final Set<String> ALL_OPTIONAL = Set.of("ConsoleCreateApiKey", "QuestionChoice");

  private static String served;
  private static OpenAPI api;
  private static List<String> messages;

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return PlanbokEar.fromBuild();
  }

  @BeforeAll
  static void fetchTheServedDocument() throws IOException {
    Api node1 = Api.node1();
    node1.awaitReadiness();
    Api.Reply reply = node1.get("/openapi");
    assertEquals(200, reply.status(), reply.body());
    served = reply.body();
    Path out = Path.of(System.getProperty("planbok.it.openapi-out", "target/openapi"));
    Files.createDirectories(out);
    Files.writeString(out.resolve("served-raw.yaml"), served, StandardCharsets.UTF_8);
    Files.writeString(
        out.resolve("openapi.yaml"),
        SpecTrees.yaml(SpecTrees.parse(served)),
        StandardCharsets.UTF_8);
    ParseOptions options = new ParseOptions();
    options.setResolve(false);
    options.setValidateInternalRefs(true);
    SwaggerParseResult result = new OpenAPIParser().readContents(served, null, options);
    api = result.getOpenAPI();
    messages = result.getMessages() == null ? List.of() : result.getMessages();
    System.out.println("[openapi] " + summary());
  }

  @Test
  void isValidOpenApi() {
    assertTrue(api != null, "not parsed: " + messages);
    assertEquals(List.of(), messages, "swagger-parser validation messages");
  }

  @Test
  void everyOperationHasItsOwnOperationId() {
    Map<String, List<String>> byId = new HashMap<>();
    List<String> missing = new ArrayList<>();
    eachOperation(
        (where, op) -> {
          if (op.getOperationId() == null || op.getOperationId().isBlank()) {
            missing.add(where);
          } else {
            byId.computeIfAbsent(op.getOperationId(), k -> new ArrayList<>()).add(where);
          }
        });
    assertEquals(List.of(), missing, "operations without operationId");
    byId.values().removeIf(list -> list.size() == 1);
    assertEquals(Map.of(), byId, "operationIds used more than once");
  }

  @Test
  void everyCallThatChangesSomethingDeclaresItsIdempotencyKey() {
    List<String> undeclared = new ArrayList<>();
    eachOperation(
        (where, op) -> {
          boolean mutating = !where.startsWith("GET ") && !where.startsWith("HEAD ");
          boolean declared =
              op.getParameters() != null
                  && op.getParameters().stream()
                      .anyMatch(
                          p ->
                              IDEMPOTENCY_KEY.equals(p.getName())
                                  && "header".equals(p.getIn())
                                  && Boolean.TRUE.equals(p.getRequired())
                                  && p.getSchema() != null);
          if (mutating && !declared && !NOT_IDEMPOTENT.contains(op.getOperationId())) {
            undeclared.add(where + " (" + op.getOperationId() + ")");
          }
          if (declared && !mutating) {
            undeclared.add(where + " is not mutating but declares " + IDEMPOTENCY_KEY);
          }
        });
    assertEquals(List.of(), undeclared, "mutating calls without a required Idempotency-Key header");
  }

  @Test
  void everyErrorResponseIsAProblem() {
    List<String> untyped = new ArrayList<>();
    eachOperation(
        (where, op) ->
            op.getResponses()
                .forEach(
                    (code, response) -> {
                      if (code.startsWith("4") || code.startsWith("5")) {
                        if (!isProblem(response)) {
                          untyped.add(where + " " + code);
                        }
                      }
                    }));
    assertEquals(List.of(), untyped, "error responses that are not application/problem+json");
    Schema<?> problem = api.getComponents().getSchemas().get("Problem");
    assertTrue(problem != null, "no Problem schema");
    assertTrue(
        problem
            .getProperties()
            .keySet()
            .containsAll(List.of("type", "title", "status", "detail", "field", "errors")),
        "Problem: " + problem.getProperties().keySet());
    assertEquals(List.of("detail", "status", "title", "type"), sorted(problem.getRequired()));
  }

  @Test
  void everyParameterHasASchema() {
    List<String> bare = new ArrayList<>();
    eachOperation(
        (where, op) -> {
          if (op.getParameters() != null) {
            for (Parameter p : op.getParameters()) {
              if (p.getSchema() == null) {
                bare.add(where + " " + p.getIn() + " " + p.getName());
              }
            }
          }
        });
    assertEquals(List.of(), bare, "parameters without a schema");
  }

  @Test
  void everyBodySchemaNamesItsRequiredFields() {
    List<String> none = new ArrayList<>();
    api.getComponents()
        .getSchemas()
        .forEach(
            (name, schema) -> {
              if (schema.getProperties() != null
                  && !schema.getProperties().isEmpty()
                  && (schema.getRequired() == null || schema.getRequired().isEmpty())
                  && !ALL_OPTIONAL.contains(name)) {
                none.add(name);
              }
              if (schema.getRequired() != null && schema.getProperties() != null) {
                for (Object field : schema.getRequired()) {
                  if (!schema.getProperties().containsKey(field)) {
                    none.add(name + " requires " + field + " but has no such property");
                  }
                }
              }
            });
    assertEquals(List.of(), none, "schemas with properties but no required ones");
  }

  @Test
  void organizationCallsSpeakOfTheOrganization() {
    List<String> wrong = new ArrayList<>();
    eachOperation(
        (where, op) -> {
          String summary = String.valueOf(op.getSummary()).toLowerCase(Locale.ROOT);
          if (where.contains(" /api/v1/organization/") && summary.contains("customer")) {
            wrong.add(where + ": " + op.getSummary());
          }
        });
    assertEquals(List.of(), wrong, "organization calls that speak of a customer");
  }

  @Test
  void theCommittedSpecIsTheServedOne() throws IOException {
    Path committed = Path.of(System.getProperty("planbok.it.openapi-spec", "../docs/openapi.yaml"));
    JsonNode expected = SpecTrees.parse(Files.readString(committed, StandardCharsets.UTF_8));
    JsonNode actual = SpecTrees.parse(served);
    List<String> differences = SpecTrees.differences(expected, actual);
    assertTrue(
        differences.isEmpty(),
        () ->
            committed
                + " differs from the served /openapi (written to target/openapi/openapi.yaml;"
                + " if the change is intended, run scripts/openapi-refresh.sh):\n  "
                + String.join("\n  ", differences.subList(0, Math.min(60, differences.size())))
                + (differences.size() > 60 ? "\n  … " + (differences.size() - 60) + " more" : ""));
  }

  private static boolean isProblem(ApiResponse response) {
    if (response.getContent() == null || response.getContent().size() != 1) {
      return false;
    }
    MediaType media = response.getContent().get(PROBLEM_JSON);
    return media != null
        && media.getSchema() != null
        && PROBLEM_REF.equals(media.getSchema().get$ref());
  }

  private static void eachOperation(BiConsumer<String, Operation> action) {
    api.getPaths()
        .forEach(
            (path, item) ->
                item.readOperationsMap()
                    .forEach((method, op) -> action.accept(method + " " + path, op)));
  }

  private static List<String> sorted(List<String> list) {
    return list == null ? List.of() : list.stream().sorted().toList();
  }

  /** The numbers a reviewer compares before and after a change of the document. */
  private static String summary() {
    if (api == null || api.getPaths() == null) {
      return messages.size() + " validation messages, nothing parsed";
    }
    Map<String, Integer> ids = new HashMap<>();
    int[] counts = new int[5]; // operations, error responses, problem responses, bare params, idem
    eachOperation(
        (where, op) -> {
          counts[0]++;
          ids.merge(String.valueOf(op.getOperationId()), 1, Integer::sum);
          op.getResponses()
              .forEach(
                  (code, r) -> {
                    if (code.startsWith("4") || code.startsWith("5")) {
                      counts[1]++;
                      counts[2] += isProblem(r) ? 1 : 0;
                    }
                  });
          if (op.getParameters() != null) {
            for (Parameter p : op.getParameters()) {
              counts[3] += p.getSchema() == null ? 1 : 0;
              counts[4] += IDEMPOTENCY_KEY.equals(p.getName()) ? 1 : 0;
            }
          }
        });
    long repeated = ids.values().stream().filter(n -> n > 1).mapToInt(n -> n - 1).sum();
    return messages.size()
        + " validation messages "
        + messages
        + "; "
        + counts[0]
        + " operations, "
        + repeated
        + " repeated operationIds, "
        + counts[2]
        + " of "
        + counts[1]
        + " error responses typed as problems, "
        + counts[3]
        + " parameters without schema, "
        + counts[4]
        + " Idempotency-Key declarations";
  }
}
