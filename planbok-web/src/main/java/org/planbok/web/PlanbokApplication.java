package org.planbok.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.planbok.system.boundary.SystemResource;
import org.planbok.web.problem.ConstraintViolationMapper;
import org.planbok.web.problem.MalformedJsonMapper;
import org.planbok.web.problem.Node2UnavailableMapper;
import org.planbok.web.problem.ProblemExceptionMapper;
import org.planbok.web.problem.UnexpectedErrorMapper;
import org.planbok.web.problem.WebApplicationExceptionMapper;

/**
 * The API, version 1. Resources live in the EJB module beside their features; JAX-RS scanning
 * across an EAR's modules is a grey area, so every resource and provider is listed here explicitly.
 */
@ApplicationPath("api/v1")
@OpenAPIDefinition(
    info =
        @Info(
            title = "Planbok API",
            version = "1",
            description =
                "Two-of-two MPC wallets: organizations, customers, keys, wallets and signatures."
                    + " Errors are RFC 9457 application/problem+json."))
public class PlanbokApplication extends Application {
  @Override
  public Set<Class<?>> getClasses() {
    return Set.of(
        SystemResource.class,
        ProblemExceptionMapper.class,
        WebApplicationExceptionMapper.class,
        MalformedJsonMapper.class,
        Node2UnavailableMapper.class,
        ConstraintViolationMapper.class,
        UnexpectedErrorMapper.class);
  }
}
