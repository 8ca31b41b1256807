package org.planbok.web.openapi;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.tags.Tag;
import org.planbok.web.PlanbokApplication;

/**
 * Completes the generated {@code /openapi} with what holds for the whole API (registered as {@code
 * mp.openapi.filter}). Per-endpoint facts stay in each resource's annotations (summary,
 * operationId, parameters, documented responses and their body classes); this filter adds, from
 * those same annotations and classes:
 *
 * <ul>
 *   <li>the organization's own routes, which inherit a customer resource's methods ({@link
 *       OwnerRoutes});
 *   <li>the {@code Idempotency-Key} header on every {@code @Idempotent} method;
 *   <li>the {@code Problem} schema, every 4xx/5xx typed as {@code application/problem+json}, and
 *       the errors every call of a kind can answer (401 when it needs a credential, 404 for a path
 *       with an id, 400/413 for a body, 400/409/422 for an Idempotency-Key);
 *   <li>the schema of every documented body and the required members of each ({@link BodySchemas},
 *       {@link RequiredFields});
 *   <li>repairs of what Payara's generator gets wrong (docs/troubleshooting.md): repeated tags, its
 *       non-standard {@code endpoints} member, path parameters not marked required, default values
 *       such as {@code maxProperties: 0} ({@link SchemaNoise}), host-specific servers.
 * </ul>
 */
public class OpenApiConventions implements OASFilter {
  static final String IDEMPOTENCY_KEY = "Idempotency-Key";

  private final ResourceOperations operations =
      ResourceOperations.of(new PlanbokApplication().getClasses());
  private final OwnerRoutes owners =
      OwnerRoutes.of(PlanbokApplication.class, new PlanbokApplication().getClasses());

  @Override
  public void filterOpenAPI(OpenAPI openAPI) {
    if (openAPI.getComponents() == null) {
      openAPI.setComponents(OASFactory.createComponents());
    }
    Map<String, Class<?>> known = operations.bodyClasses();
    BodySchemas bodies = new BodySchemas(openAPI.getComponents(), known);
    Map<String, Method> byId = new HashMap<>();
    operations
        .methods()
        .forEach(m -> ResourceOperations.operationId(m).ifPresent(id -> byId.put(id, m)));
    byId.putAll(owners.copy(openAPI, byId));
    Set<String> idempotent = operations.idempotentOperationIds();
    if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
      openAPI
          .getPaths()
          .getPathItems()
          .forEach(
              (path, item) ->
                  item.getOperations()
                      .forEach(
                          (method, operation) -> {
                            Method java = byId.get(operation.getOperationId());
                            if (java != null) {
                              documentBodies(operation, java, bodies);
                            }
                            complete(path, operation, idempotent);
                          }));
    }
    openAPI.getComponents().addSchema(ProblemResponses.SCHEMA, ProblemResponses.schema());
    Map<String, Schema> components = openAPI.getComponents().getSchemas();
    new LinkedHashMap<>(known)
        .forEach(
            (name, type) -> {
              Schema schema = components.get(name);
              if (schema != null && schema.getProperties() != null) {
                bodies.repairArrays(schema, type);
                List<String> required = new ArrayList<>();
                for (String field : RequiredFields.of(type)) {
                  if (schema.getProperties().containsKey(field)) {
                    required.add(field);
                  }
                }
                schema.setRequired(required.isEmpty() ? null : required);
              }
            });
    SchemaNoise noise = new SchemaNoise();
    components.values().forEach(noise::clean);
    if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
      openAPI
          .getPaths()
          .getPathItems()
          .values()
          .forEach(item -> item.getOperations().values().forEach(op -> cleanInline(op, noise)));
    }
    openAPI.setTags(distinct(openAPI.getTags()));
    openAPI.setServers(
        List.of(
            OASFactory.createServer()
                .url("/")
                .description("This installation's Node 1 (where this document is served)")));
    PayaraModel.dropEndpoints(openAPI);
  }

  /** Points every documented body at its class's component schema. */
  private static void documentBodies(Operation operation, Method java, BodySchemas bodies) {
    RequestBody body = java.getAnnotation(RequestBody.class);
    if (body != null && operation.getRequestBody() != null) {
      operation
          .getRequestBody()
          .setContent(fill(operation.getRequestBody().getContent(), body.content(), bodies));
    }
    if (operation.getResponses() == null || operation.getResponses().getAPIResponses() == null) {
      return;
    }
    for (APIResponse response : java.getAnnotationsByType(APIResponse.class)) {
      var documented = operation.getResponses().getAPIResponse(response.responseCode());
      if (documented != null) {
        documented.setContent(fill(documented.getContent(), response.content(), bodies));
      }
    }
    Class<?> returned = java.getReturnType();
    if (returned.getName().startsWith("org.planbok.")) {
      operation
          .getResponses()
          .getAPIResponses()
          .forEach(
              (code, response) -> {
                if (!code.startsWith("2")) {
                  return;
                }
                MediaType json =
                    response.getContent() == null
                        ? null
                        : response.getContent().getMediaType("application/json");
                if (json == null) {
                  response.setContent(
                      OASFactory.createContent()
                          .addMediaType(
                              "application/json",
                              OASFactory.createMediaType().schema(bodies.refTo(returned))));
                } else if (json.getSchema() == null || json.getSchema().getRef() == null) {
                  json.setSchema(bodies.refTo(returned));
                }
              });
    }
  }

  private static org.eclipse.microprofile.openapi.models.media.Content fill(
      org.eclipse.microprofile.openapi.models.media.Content documented,
      Content[] annotations,
      BodySchemas bodies) {
    org.eclipse.microprofile.openapi.models.media.Content content =
        documented == null ? OASFactory.createContent() : documented;
    for (Content annotation : annotations) {
      Class<?> type = annotation.schema().implementation();
      if (type == Void.class || !type.getName().startsWith("org.planbok.")) {
        continue;
      }
      String mediaType =
          annotation.mediaType().isBlank() ? "application/json" : annotation.mediaType();
      MediaType media = content.getMediaType(mediaType);
      if (media == null) {
        content.addMediaType(mediaType, OASFactory.createMediaType().schema(bodies.refTo(type)));
      } else {
        // Payara writes an inline copy (or, for a class it did not scan, an empty object): a
        // reference keeps one schema a class, which clients generate one type from.
        media.setSchema(bodies.refTo(type));
      }
    }
    return content.getMediaTypes() == null || content.getMediaTypes().isEmpty()
        ? documented
        : content;
  }

  private static void complete(String path, Operation operation, Set<String> idempotent) {
    boolean withKey = idempotent.contains(operation.getOperationId());
    if (withKey) {
      declareIdempotencyKey(operation);
    }
    if (operation.getParameters() != null) {
      for (Parameter p : operation.getParameters()) {
        if (p.getIn() == Parameter.In.PATH) {
          p.setRequired(true);
        }
      }
    }
    if (operation.getSecurity() != null
        && operation.getSecurity().stream()
            .anyMatch(r -> r.getSchemes() != null && !r.getSchemes().isEmpty())) {
      ProblemResponses.addIfMissing(operation, "401", "No valid credential");
    }
    if (path.contains("{")) {
      ProblemResponses.addIfMissing(operation, "404", "Nothing of yours at this path");
    }
    if (operation.getRequestBody() != null) {
      ProblemResponses.addIfMissing(
          operation, "400", "Invalid input: the problem's field names the member at fault");
      // StrictRequestBody's two limits: signing requests carry whole transactions.
      ProblemResponses.addIfMissing(
          operation,
          "413",
          path.endsWith("/signatures") ? "Body larger than 2 MiB" : "Body larger than 64 KiB");
    }
    if (withKey) {
      ProblemResponses.addIfMissing(
          operation, "400", "No or a malformed Idempotency-Key, or invalid input (see field)");
      ProblemResponses.addIfMissing(
          operation, "409", "A call with this Idempotency-Key is still running");
      ProblemResponses.addIfMissing(
          operation, "422", "The Idempotency-Key was used for a different request");
    }
    ProblemResponses.type(operation);
  }

  private static void cleanInline(Operation operation, SchemaNoise noise) {
    if (operation.getParameters() != null) {
      operation.getParameters().forEach(p -> noise.clean(p.getSchema()));
    }
    if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
      operation
          .getRequestBody()
          .getContent()
          .getMediaTypes()
          .values()
          .forEach(m -> noise.clean(m.getSchema()));
    }
    if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
      operation
          .getResponses()
          .getAPIResponses()
          .values()
          .forEach(
              r -> {
                if (r.getContent() != null && r.getContent().getMediaTypes() != null) {
                  r.getContent().getMediaTypes().values().forEach(m -> noise.clean(m.getSchema()));
                }
              });
    }
  }

  /** One tag a name: Payara repeats a tag for every resource class that names it. */
  private static List<Tag> distinct(List<Tag> tags) {
    if (tags == null) {
      return null;
    }
    Map<String, Tag> byName = new LinkedHashMap<>();
    for (Tag tag : tags) {
      Tag earlier = byName.get(tag.getName());
      if (earlier == null || (earlier.getDescription() == null && tag.getDescription() != null)) {
        byName.put(tag.getName(), tag);
      }
    }
    return new ArrayList<>(byName.values());
  }

  /** One declaration for all: replaces what an endpoint may have written by hand. */
  private static void declareIdempotencyKey(Operation operation) {
    List<Parameter> parameters = new ArrayList<>();
    if (operation.getParameters() != null) {
      for (Parameter p : operation.getParameters()) {
        if (!(IDEMPOTENCY_KEY.equalsIgnoreCase(p.getName()) && p.getIn() == Parameter.In.HEADER)) {
          parameters.add(p);
        }
      }
    }
    parameters.add(
        OASFactory.createParameter()
            .name(IDEMPOTENCY_KEY)
            .in(Parameter.In.HEADER)
            .required(true)
            .description(
                "1 to 255 printable ASCII characters, new for each new request: a retry with the"
                    + " same key and body gets the first response again"
                    + " (Idempotent-Replayed: true) and changes nothing more")
            .schema(
                OASFactory.createSchema()
                    .type(Schema.SchemaType.STRING)
                    .minLength(1)
                    .maxLength(255)
                    .pattern("^[\\x20-\\x7E]+$")));
    operation.setParameters(parameters);
  }
}
