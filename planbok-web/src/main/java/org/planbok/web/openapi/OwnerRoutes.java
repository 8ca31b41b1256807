package org.planbok.web.openapi;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * The organization's own routes in the document. A customer resource declares each endpoint once; a
 * subclass of it serves the same methods at the organization's path and overrides whose they are
 * (organization custody). Payara's generator documents only methods a class declares, so it writes
 * the customer's operations alone: this copies each one that carries an {@link
 * OrganizationOperation} to the subclass's path, with the organization's words, without the
 * customer's examples.
 */
final class OwnerRoutes {
  private static final Pattern TEMPLATE = Pattern.compile("\\{([^}:]+)");

  /** A customer resource and the subclass that serves the organization's route. */
  record Pair(Class<?> customer, Class<?> organization) {}

  private final String root;
  private final List<Pair> pairs;

  private OwnerRoutes(String root, List<Pair> pairs) {
    this.root = root;
    this.pairs = pairs;
  }

  static OwnerRoutes of(Class<?> application, Set<Class<?>> classes) {
    ApplicationPath path = application.getAnnotation(ApplicationPath.class);
    String root = "/" + trim(path == null ? "" : path.value());
    List<Pair> pairs = new ArrayList<>();
    for (Class<?> type : classes) {
      Class<?> parent = type.getSuperclass();
      if (type.isAnnotationPresent(Path.class)
          && parent != null
          && parent.isAnnotationPresent(Path.class)
          && classes.contains(parent)) {
        pairs.add(new Pair(parent, type));
      }
    }
    pairs.sort((a, b) -> a.organization().getName().compareTo(b.organization().getName()));
    return new OwnerRoutes(root, List.copyOf(pairs));
  }

  List<Pair> pairs() {
    return pairs;
  }

  /**
   * Adds the organization's copies, before the document is completed, and returns the Java method
   * behind each new operationId.
   */
  Map<String, Method> copy(OpenAPI openAPI, Map<String, Method> byId) {
    Map<String, Method> added = new LinkedHashMap<>();
    if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
      return added;
    }
    for (Pair pair : pairs) {
      String from = prefix(pair.customer());
      String to = prefix(pair.organization());
      List<String> tags = tags(pair.organization());
      Set<String> dropped = Set.copyOf(templateNames(from));
      dropped = difference(dropped, templateNames(to));
      for (var entry : new LinkedHashMap<>(openAPI.getPaths().getPathItems()).entrySet()) {
        String path = entry.getKey();
        if (!path.equals(from) && !path.startsWith(from + "/")) {
          continue;
        }
        String target = to + path.substring(from.length());
        PathItem item = openAPI.getPaths().getPathItem(target);
        if (item == null) {
          item = OASFactory.createPathItem();
          openAPI.getPaths().addPathItem(target, item);
        }
        for (var operation : entry.getValue().getOperations().entrySet()) {
          Method java = byId.get(operation.getValue().getOperationId());
          OrganizationOperation words =
              java == null ? null : java.getAnnotation(OrganizationOperation.class);
          if (words != null && java.getDeclaringClass() == pair.customer()) {
            item.setOperation(
                operation.getKey(), organizations(operation.getValue(), words, tags, dropped));
            added.put(words.operationId(), java);
          }
        }
        if (item.getOperations().isEmpty()) {
          openAPI.getPaths().removePathItem(target);
        }
      }
    }
    return added;
  }

  private static Operation organizations(
      Operation customers, OrganizationOperation words, List<String> tags, Set<String> dropped) {
    Operation copy = ModelCopy.of(customers);
    copy.setOperationId(words.operationId());
    copy.setSummary(words.summary());
    copy.setDescription(words.description().isBlank() ? null : words.description());
    copy.setTags(tags.isEmpty() ? copy.getTags() : new ArrayList<>(tags));
    if (copy.getParameters() != null) {
      List<Parameter> kept = new ArrayList<>();
      for (Parameter p : copy.getParameters()) {
        if (!(p.getIn() == Parameter.In.PATH && dropped.contains(p.getName()))) {
          kept.add(p);
        }
      }
      copy.setParameters(kept.isEmpty() ? null : kept);
    }
    APIResponses responses = OASFactory.createAPIResponses();
    Map<String, String> reworded = new LinkedHashMap<>();
    Arrays.stream(words.responses()).forEach(r -> reworded.put(r.code(), r.description()));
    if (copy.getResponses() != null && copy.getResponses().getAPIResponses() != null) {
      copy.getResponses()
          .getAPIResponses()
          .forEach(
              (code, response) -> {
                if (code.startsWith("2") || reworded.containsKey(code)) {
                  responses.addAPIResponse(code, response);
                }
              });
    }
    reworded.forEach(
        (code, description) -> {
          APIResponse response = responses.getAPIResponse(code);
          if (response == null) {
            responses.addAPIResponse(code, OASFactory.createAPIResponse().description(description));
          } else {
            response.setDescription(description);
          }
        });
    copy.setResponses(responses);
    withoutExamples(copy);
    return copy;
  }

  /** The customer's examples show a customer's values (a PIN's salt and costs): none are copied. */
  private static void withoutExamples(Operation copy) {
    List<Content> contents = new ArrayList<>();
    if (copy.getRequestBody() != null) {
      contents.add(copy.getRequestBody().getContent());
    }
    copy.getResponses().getAPIResponses().values().forEach(r -> contents.add(r.getContent()));
    for (Content content : contents) {
      if (content != null && content.getMediaTypes() != null) {
        content
            .getMediaTypes()
            .values()
            .forEach(
                media -> {
                  media.setExamples(null);
                  media.setExample(null);
                });
      }
    }
  }

  private String prefix(Class<?> resource) {
    return root + "/" + trim(resource.getAnnotation(Path.class).value());
  }

  private static List<String> tags(Class<?> resource) {
    return Arrays.stream(resource.getAnnotationsByType(Tag.class)).map(Tag::name).toList();
  }

  private static List<String> templateNames(String path) {
    List<String> names = new ArrayList<>();
    Matcher m = TEMPLATE.matcher(path);
    while (m.find()) {
      names.add(m.group(1).trim());
    }
    return names;
  }

  private static Set<String> difference(Set<String> a, List<String> b) {
    return Set.copyOf(a.stream().filter(n -> !b.contains(n)).toList());
  }

  private static String trim(String path) {
    String p = path;
    while (p.startsWith("/")) {
      p = p.substring(1);
    }
    while (p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    return p;
  }
}
