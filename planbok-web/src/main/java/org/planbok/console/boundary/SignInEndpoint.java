package org.planbok.console.boundary;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks the one console method open without a session: signing in. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@interface SignInEndpoint {}
