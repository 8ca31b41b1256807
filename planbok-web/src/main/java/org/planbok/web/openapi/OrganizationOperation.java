package org.planbok.web.openapi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The organization's words for a customer's operation that the organization's own route (its
 * custody) inherits: a customer resource declares each endpoint once, and its subclass serves the
 * same methods at the organization's path, saying only whose (docs/troubleshooting.md). Payara's
 * generator documents the declaring class's path alone; {@link OwnerRoutes} copies the operation to
 * the organization's path with this operationId, summary and description, the subclass's tags, the
 * customer's parameters (less the customer's id), body and success responses without their
 * examples, and the responses listed here.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface OrganizationOperation {
  String operationId();

  String summary();

  /** None when blank. */
  String description() default "";

  /**
   * The organization's own descriptions of responses: a listed success response keeps the
   * customer's content; an error response not listed is not copied (the document's conventions add
   * the usual ones).
   */
  Response[] responses() default {};

  /** One response's description for the organization. */
  @Retention(RetentionPolicy.RUNTIME)
  @Target({})
  @interface Response {
    String code();

    String description();
  }
}
