package org.planbok.webhooks.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.planbok.console.boundary.ConsoleAccess;
import org.planbok.console.boundary.ConsoleCaller;
import org.planbok.console.entity.ConsoleRole;
import org.planbok.idempotency.boundary.Idempotent;
import org.planbok.webhooks.control.NewEndpoint;
import org.planbok.webhooks.control.WebhookEndpoints;

/**
 * {@code /api/v1/console/webhooks}: the organization's webhook endpoints in the console, for admins
 * only (an endpoint receives every event of the organization it takes, so seeing and changing them
 * is an admin's business). The console speaks GET and POST only.
 */
@Path("console/webhooks")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Console")
public class ConsoleWebhooksResource {
  @Inject ConsoleCaller caller;
  @Inject WebhookEndpoints endpoints;
  @Context UriInfo uri;

  /** The endpoints and the event types they can take. */
  public record Overview(
      List<WebhookViews.Endpoint> endpoints, List<WebhookViews.Type> eventTypes) {}

  @GET
  @ConsoleAccess(ConsoleRole.ADMIN)
  @Operation(operationId = "consoleListWebhooks", summary = "Webhook endpoints and event types")
  public Overview list() {
    return new Overview(
        endpoints.list(caller.organization()).stream().map(WebhookViews.Endpoint::of).toList(),
        WebhookViews.TypeList.all().items());
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Idempotent(shownOnce = WebhookViews.SECRET_FIELD)
  @ConsoleAccess(ConsoleRole.ADMIN)
  @Operation(operationId = "consoleCreateWebhook", summary = "Add an endpoint; secret shown once")
  public Response create(WebhookEndpointBody body) {
    try (NewEndpoint made =
        endpoints.create(caller.organization(), WebhookEndpointBody.settings(body))) {
      return Response.status(Response.Status.CREATED)
          .entity(WebhookViews.WithSecret.of(made))
          .build();
    }
  }

  @POST
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Idempotent
  @ConsoleAccess(ConsoleRole.ADMIN)
  @Operation(operationId = "consoleReplaceWebhook", summary = "Replace an endpoint's settings")
  public Response replace(@PathParam("id") String id, WebhookEndpointBody body) {
    return Response.ok(
            WebhookViews.Endpoint.of(
                endpoints.update(caller.organization(), id, WebhookEndpointBody.settings(body))))
        .build();
  }

  @POST
  @Path("{id}/delete")
  @Idempotent
  @ConsoleAccess(ConsoleRole.ADMIN)
  @Operation(operationId = "consoleDeleteWebhook", summary = "Delete an endpoint and its log")
  public Response delete(@PathParam("id") String id) {
    endpoints.delete(caller.organization(), id);
    return Response.noContent().build();
  }

  @POST
  @Path("{id}/rotate-secret")
  @Idempotent(shownOnce = WebhookViews.SECRET_FIELD)
  @ConsoleAccess(ConsoleRole.ADMIN)
  @Operation(operationId = "consoleRotateWebhookSecret", summary = "New secret, shown once")
  public Response rotate(@PathParam("id") String id) {
    try (NewEndpoint rotated = endpoints.rotateSecret(caller.organization(), id)) {
      return Response.ok(WebhookViews.WithSecret.of(rotated)).build();
    }
  }

  @POST
  @Path("{id}/ping")
  @Idempotent
  @ConsoleAccess(ConsoleRole.ADMIN)
  @Operation(operationId = "consolePingWebhook", summary = "Send a webhook.ping to the endpoint")
  public Response ping(@PathParam("id") String id) {
    return Response.accepted(
            WebhookViews.delivery(endpoints, endpoints.ping(caller.organization(), id)))
        .build();
  }

  @GET
  @Path("{id}/deliveries")
  @ConsoleAccess(ConsoleRole.ADMIN)
  @Operation(operationId = "consoleListWebhookDeliveries", summary = "The delivery log")
  public WebhookViews.DeliveryList deliveries(@PathParam("id") String id) {
    return WebhookViews.deliveries(
        endpoints, endpoints.deliveries(caller.organization(), id, WebhooksResource.limit(uri)));
  }

  @POST
  @Path("deliveries/{id}/redeliver")
  @Idempotent
  @ConsoleAccess(ConsoleRole.ADMIN)
  @Operation(operationId = "consoleRedeliverWebhook", summary = "Send a delivery's event again")
  public Response redeliver(@PathParam("id") String id) {
    return Response.accepted(
            WebhookViews.delivery(endpoints, endpoints.redeliver(caller.organization(), id)))
        .build();
  }
}
