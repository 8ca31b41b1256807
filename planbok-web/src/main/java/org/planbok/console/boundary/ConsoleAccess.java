package org.planbok.console.boundary;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.planbok.console.entity.ConsoleRole;

/**
 * The least role a console resource method needs. Every console method carries one: {@link
 * ConsoleRoles} refuses a method without it (deny by default), and a unit test checks that every
 * method that changes something needs {@code ADMIN} unless it only concerns the caller's own
 * session or password.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ConsoleAccess {
  ConsoleRole value();
}
