package org.planbok.idempotency.boundary;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A mutating resource method that requires an {@code Idempotency-Key} header and runs once per key
 * (DESIGN 7). It must return a {@code Response} whose entity is JSON-B serialisable.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Idempotent {
  /**
   * JSON member names, at any depth, that hold a secret shown once (an API key's text): the first
   * response carries them, the stored copy and so every replay does not.
   */
  @Nonbinding
  String[] shownOnce() default {};
}
