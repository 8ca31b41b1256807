package org.planbok.web.openapi;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.planbok.idempotency.boundary.Idempotent;

/**
 * The API's resource methods as the application lists them, read from their annotations: each one's
 * operationId, whether it is {@link Idempotent}, and every body class it reads or writes
 * (parameters, return types, {@code @Schema(implementation)} of its documented content, and what
 * those classes hold), so that the document can be completed from the code it describes.
 */
final class ResourceOperations {
  private static final List<Class<? extends Annotation>> HTTP_METHODS =
      List.of(GET.class, POST.class, PUT.class, DELETE.class, PATCH.class, HEAD.class);

  private final List<Method> methods;

  private ResourceOperations(List<Method> methods) {
    this.methods = methods;
  }

  static ResourceOperations of(Set<Class<?>> classes) {
    List<Method> methods = new ArrayList<>();
    for (Class<?> type : classes) {
      if (type.isAnnotationPresent(Path.class)) {
        for (Method method : type.getDeclaredMethods()) {
          if (Modifier.isPublic(method.getModifiers()) && httpMethod(method).isPresent()) {
            methods.add(method);
          }
        }
      }
    }
    methods.sort(Comparator.comparing(m -> m.getDeclaringClass().getName() + "#" + m.getName()));
    return new ResourceOperations(List.copyOf(methods));
  }

  List<Method> methods() {
    return methods;
  }

  static Optional<String> httpMethod(Method method) {
    return HTTP_METHODS.stream()
        .filter(method::isAnnotationPresent)
        .map(a -> a.getSimpleName())
        .findFirst();
  }

  static Optional<String> operationId(Method method) {
    Operation operation = method.getAnnotation(Operation.class);
    return operation == null || operation.operationId().isBlank()
        ? Optional.empty()
        : Optional.of(operation.operationId());
  }

  /** The operationId of the organization's copy of a customer's operation ({@link OwnerRoutes}). */
  static Optional<String> organizationOperationId(Method method) {
    OrganizationOperation operation = method.getAnnotation(OrganizationOperation.class);
    return operation == null ? Optional.empty() : Optional.of(operation.operationId());
  }

  /** The operationIds of the methods that run once per Idempotency-Key, on every owner's route. */
  Set<String> idempotentOperationIds() {
    Set<String> ids = new TreeSet<>();
    for (Method method : methods) {
      if (method.isAnnotationPresent(Idempotent.class)) {
        operationId(method).ifPresent(ids::add);
        organizationOperationId(method).ifPresent(ids::add);
      }
    }
    return ids;
  }

  /** Every body class of the API by its schema name, the classes they hold included. */
  Map<String, Class<?>> bodyClasses() {
    Map<String, Class<?>> found = new LinkedHashMap<>();
    for (Method method : methods) {
      for (Type parameter : method.getGenericParameterTypes()) {
        collect(parameter, found);
      }
      collect(method.getGenericReturnType(), found);
      RequestBody body = method.getAnnotation(RequestBody.class);
      if (body != null) {
        collect(body.content(), found);
      }
      for (APIResponse response : method.getAnnotationsByType(APIResponse.class)) {
        collect(response.content(), found);
      }
    }
    return found;
  }

  static String schemaName(Class<?> type) {
    Schema schema = type.getAnnotation(Schema.class);
    return schema != null && !schema.name().isBlank() ? schema.name() : type.getSimpleName();
  }

  private static void collect(Content[] contents, Map<String, Class<?>> found) {
    for (Content content : contents) {
      collect(content.schema().implementation(), found);
    }
  }

  private static void collect(Type type, Map<String, Class<?>> found) {
    if (type instanceof ParameterizedType parameterized) {
      collect(parameterized.getRawType(), found);
      for (Type argument : parameterized.getActualTypeArguments()) {
        collect(argument, found);
      }
      return;
    }
    if (!(type instanceof Class<?> c) || !c.getName().startsWith("org.planbok.")) {
      return;
    }
    if (c.isEnum() || c.isInterface() || found.putIfAbsent(schemaName(c), c) != null) {
      return;
    }
    if (c.isRecord()) {
      for (var component : c.getRecordComponents()) {
        collect(component.getGenericType(), found);
      }
    } else {
      for (var field : c.getDeclaredFields()) {
        if (!Modifier.isStatic(field.getModifiers())) {
          collect(field.getGenericType(), found);
        }
      }
    }
  }
}
