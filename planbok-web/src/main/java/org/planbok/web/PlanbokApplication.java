package org.planbok.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.planbok.console.boundary.ConsoleActivityResource;
import org.planbok.console.boundary.ConsoleApiKeysResource;
import org.planbok.console.boundary.ConsoleCsrf;
import org.planbok.console.boundary.ConsoleCustomersResource;
import org.planbok.console.boundary.ConsoleDashboardResource;
import org.planbok.console.boundary.ConsoleGate;
import org.planbok.console.boundary.ConsoleKeysResource;
import org.planbok.console.boundary.ConsolePolicyResource;
import org.planbok.console.boundary.ConsoleRoles;
import org.planbok.console.boundary.ConsoleSessionResource;
import org.planbok.console.boundary.ConsoleUsersResource;
import org.planbok.console.boundary.ConsoleWalletsResource;
import org.planbok.customer.boundary.CustomerPinResource;
import org.planbok.customer.boundary.CustomersResource;
import org.planbok.keys.boundary.CustomerKeysResource;
import org.planbok.keys.boundary.OrganizationKeysResource;
import org.planbok.keys.boundary.SessionsResource;
import org.planbok.organization.boundary.ApiKeyAuthentication;
import org.planbok.organization.boundary.ApiKeysResource;
import org.planbok.organization.boundary.OperatorAuthentication;
import org.planbok.organization.boundary.OperatorResource;
import org.planbok.organization.boundary.OrganizationSecretResource;
import org.planbok.policy.boundary.CustomerPolicyResource;
import org.planbok.policy.boundary.OrganizationPolicyResource;
import org.planbok.recovery.boundary.CustomerRecoveryResource;
import org.planbok.recovery.boundary.EmailRecoveryResource;
import org.planbok.recovery.boundary.QuestionRecoveryResource;
import org.planbok.recovery.boundary.RecoveryQuestionsResource;
import org.planbok.system.boundary.SystemResource;
import org.planbok.wallet.boundary.CustomerWalletsResource;
import org.planbok.wallet.boundary.ExportChallengesResource;
import org.planbok.wallet.boundary.OrganizationWalletsResource;
import org.planbok.web.input.StrictJsonReader;
import org.planbok.web.input.StrictJsonb;
import org.planbok.web.input.StrictRequestBody;
import org.planbok.web.problem.ConstraintViolationMapper;
import org.planbok.web.problem.MalformedJsonMapper;
import org.planbok.web.problem.Node2UnavailableMapper;
import org.planbok.web.problem.ProblemExceptionMapper;
import org.planbok.web.problem.UnexpectedErrorMapper;
import org.planbok.web.problem.WebApplicationExceptionMapper;
import org.planbok.webhooks.boundary.ConsoleWebhooksResource;
import org.planbok.webhooks.boundary.WebhooksResource;

/**
 * The API, version 1. JAX-RS scanning across an EAR's modules is a grey area, so every resource and
 * provider is listed here explicitly.
 */
@ApplicationPath("api/v1")
@OpenAPIDefinition(
    info =
        @Info(
            title = "Planbok API",
            version = "1",
            description =
                "Two-of-two MPC wallets: organizations, customers, keys, wallets, signatures and"
                    + " recovery."
                    + " Errors are RFC 9457 application/problem+json; every call that changes"
                    + " something takes an Idempotency-Key header."))
@SecurityScheme(
    securitySchemeName = "apiKey",
    type = SecuritySchemeType.HTTP,
    scheme = "bearer",
    bearerFormat = "pbk_live_<id>_<secret>",
    description = "An organization's API key: Authorization: Bearer pbk_live_…")
@SecurityScheme(
    securitySchemeName = "operatorToken",
    type = SecuritySchemeType.HTTP,
    scheme = "bearer",
    description =
        "The installation operator's token (its SHA-256 is planbok.operator.token-sha256)")
public class PlanbokApplication extends Application {
  @Override
  public Set<Class<?>> getClasses() {
    return Set.of(
        SystemResource.class,
        ConsoleSessionResource.class,
        ConsoleDashboardResource.class,
        ConsoleCustomersResource.class,
        ConsoleWalletsResource.class,
        ConsoleActivityResource.class,
        ConsoleApiKeysResource.class,
        ConsoleKeysResource.class,
        ConsoleUsersResource.class,
        ConsolePolicyResource.class,
        CustomersResource.class,
        CustomerPinResource.class,
        CustomerKeysResource.class,
        SessionsResource.class,
        CustomerWalletsResource.class,
        ExportChallengesResource.class,
        RecoveryQuestionsResource.class,
        CustomerRecoveryResource.class,
        QuestionRecoveryResource.class,
        EmailRecoveryResource.class,
        OrganizationSecretResource.class,
        OrganizationKeysResource.class,
        OrganizationWalletsResource.class,
        ApiKeysResource.class,
        WebhooksResource.class,
        ConsoleWebhooksResource.class,
        OrganizationPolicyResource.class,
        CustomerPolicyResource.class,
        OperatorResource.class,
        StrictRequestBody.class,
        ApiKeyAuthentication.class,
        OperatorAuthentication.class,
        ConsoleGate.class,
        ConsoleCsrf.class,
        ConsoleRoles.class,
        StrictJsonReader.class,
        StrictJsonb.class,
        ProblemExceptionMapper.class,
        WebApplicationExceptionMapper.class,
        MalformedJsonMapper.class,
        Node2UnavailableMapper.class,
        ConstraintViolationMapper.class,
        UnexpectedErrorMapper.class);
  }
}
