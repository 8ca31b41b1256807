package org.planbok.web.openapi;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Constructible;

/**
 * A deep copy of a part of the OpenAPI model (an operation, with its parameters, bodies, responses
 * and inline schemas), made through the model's own interfaces: every property with a getter and a
 * setter is copied, model objects, lists and maps anew, values as they are.
 */
final class ModelCopy {
  private ModelCopy() {}

  @SuppressWarnings("unchecked")
  static <T extends Constructible> T of(T model) {
    Class<? extends Constructible> type = modelInterface(model.getClass());
    T copy = (T) OASFactory.createObject(type);
    for (Method getter : type.getMethods()) {
      if (getter.getParameterCount() != 0
          || Modifier.isStatic(getter.getModifiers())
          || !getter.getName().startsWith("get")) {
        continue;
      }
      Method setter = setterFor(type, getter);
      if (setter == null) {
        continue;
      }
      try {
        Object value = getter.invoke(model);
        if (value != null) {
          setter.invoke(copy, copyValue(value));
        }
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot copy " + type.getSimpleName(), e);
      }
    }
    return copy;
  }

  private static Object copyValue(Object value) {
    if (value instanceof Constructible model) {
      return of(model);
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>();
      list.forEach(v -> copy.add(v == null ? null : copyValue(v)));
      return copy;
    }
    if (value instanceof Map<?, ?> map) {
      Map<Object, Object> copy = new LinkedHashMap<>();
      map.forEach((k, v) -> copy.put(k, v == null ? null : copyValue(v)));
      return copy;
    }
    return value;
  }

  private static Method setterFor(Class<?> type, Method getter) {
    try {
      return type.getMethod("set" + getter.getName().substring(3), getter.getReturnType());
    } catch (NoSuchMethodException e) {
      return null;
    }
  }

  /** The most specific model interface a class implements (OperationImpl: Operation). */
  @SuppressWarnings("unchecked")
  private static Class<? extends Constructible> modelInterface(Class<?> type) {
    if (type.isInterface() && Constructible.class.isAssignableFrom(type)) {
      return (Class<? extends Constructible>) type;
    }
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      for (Class<?> i : c.getInterfaces()) {
        if (Constructible.class.isAssignableFrom(i)
            && i.getName().startsWith("org.eclipse.microprofile.openapi.models.")) {
          return (Class<? extends Constructible>) i;
        }
      }
    }
    throw new IllegalArgumentException("not an OpenAPI model object: " + type.getName());
  }
}
