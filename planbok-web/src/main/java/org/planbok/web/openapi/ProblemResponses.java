package org.planbok.web.openapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.examples.Example;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Every error of the API is an RFC 9457 problem ({@code web/problem}): one shared {@code Problem}
 * schema, and every 4xx and 5xx response of the document typed as {@code application/problem+json}
 * with it, keeping the examples an endpoint documents.
 */
final class ProblemResponses {
  static final String MEDIA_TYPE = "application/problem+json";
  static final String SCHEMA = "Problem";
  private static final String REF = "#/components/schemas/" + SCHEMA;

  private ProblemResponses() {}

  /** RFC 9457 section 3.1 members, and our {@code field} and {@code errors} (web/problem). */
  static Schema schema() {
    Schema fieldError =
        OASFactory.createSchema()
            .type(Schema.SchemaType.OBJECT)
            .addProperty("field", text("The input's JSON path, query parameter or header"))
            .addProperty("message", text("What is wrong with it"))
            .required(List.of("field", "message"));
    return OASFactory.createSchema()
        .type(Schema.SchemaType.OBJECT)
        .description(
            "An RFC 9457 problem. type is stable (match on it); for input errors field names the"
                + " body member, query parameter or header.")
        .addProperty("type", text("A URI naming the kind of problem").format("uri"))
        .addProperty("title", text("A short summary of the type"))
        .addProperty(
            "status",
            OASFactory.createSchema()
                .type(Schema.SchemaType.INTEGER)
                .format("int32")
                .description("The HTTP status code"))
        .addProperty("detail", text("This occurrence, in words"))
        .addProperty("field", text("The input at fault (JSON path, query parameter or header)"))
        .addProperty(
            "errors",
            OASFactory.createSchema()
                .type(Schema.SchemaType.ARRAY)
                .description("Every invalid input, when there are several")
                .items(fieldError))
        .required(List.of("type", "title", "status", "detail"))
        .additionalPropertiesBoolean(Boolean.TRUE);
  }

  /** Types every 4xx and 5xx response of the operation as a problem. */
  static void type(Operation operation) {
    APIResponses responses = operation.getResponses();
    if (responses == null || responses.getAPIResponses() == null) {
      return;
    }
    responses
        .getAPIResponses()
        .forEach(
            (code, response) -> {
              if (code.startsWith("4") || code.startsWith("5")) {
                response.setContent(problemContent(response.getContent()));
              }
            });
  }

  /** Adds a problem response for {@code code} unless the operation documents one. */
  static void addIfMissing(Operation operation, String code, String description) {
    if (operation.getResponses() == null) {
      operation.setResponses(OASFactory.createAPIResponses());
    }
    if (!operation.getResponses().hasAPIResponse(code)) {
      APIResponse response =
          OASFactory.createAPIResponse().description(description).content(problemContent(null));
      operation.getResponses().addAPIResponse(code, response);
    }
  }

  private static Content problemContent(Content documented) {
    Map<String, Example> examples = new LinkedHashMap<>();
    if (documented != null && documented.getMediaTypes() != null) {
      for (MediaType media : documented.getMediaTypes().values()) {
        if (media != null && media.getExamples() != null) {
          examples.putAll(media.getExamples());
        }
      }
    }
    MediaType problem = OASFactory.createMediaType().schema(OASFactory.createSchema().ref(REF));
    if (!examples.isEmpty()) {
      problem.setExamples(examples);
    }
    return OASFactory.createContent().addMediaType(MEDIA_TYPE, problem);
  }

  private static Schema text(String description) {
    return OASFactory.createSchema().type(Schema.SchemaType.STRING).description(description);
  }
}
