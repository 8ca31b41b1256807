package org.planbok.webhooks.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.planbok.idempotency.boundary.Idempotent;
import org.planbok.organization.boundary.CallerOrganization;
import org.planbok.web.input.StrictQuery;
import org.planbok.web.problem.ProblemException;
import org.planbok.webhooks.control.NewEndpoint;
import org.planbok.webhooks.control.WebhookEndpoints;

/**
 * {@code /api/v1/webhooks}: the calling organization's webhook endpoints, their deliveries and
 * redeliveries (see docs/webhooks.md for the signature and how to verify it).
 */
@Path("webhooks")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Webhooks", description = "Signed event deliveries to your endpoints")
@SecurityRequirement(name = "apiKey")
public class WebhooksResource {
  static final String PROBLEM = "application/problem+json";

  @Inject WebhookEndpoints endpoints;
  @Inject CallerOrganization caller;
  @Context UriInfo uri;

  @GET
  @Path("event-types")
  @Operation(operationId = "listWebhookEventTypes", summary = "The event types endpoints can take")
  @APIResponse(
      responseCode = "200",
      description = "The catalogue",
      content = @Content(schema = @Schema(implementation = WebhookViews.TypeList.class)))
  @APIResponse(
      responseCode = "401",
      description = "No valid API key",
      content = @Content(mediaType = PROBLEM))
  public WebhookViews.TypeList eventTypes() {
    return WebhookViews.TypeList.all();
  }

  @POST
  @Path("endpoints")
  @Consumes(MediaType.APPLICATION_JSON)
  @Idempotent(shownOnce = WebhookViews.SECRET_FIELD)
  @Operation(
      operationId = "createWebhookEndpoint",
      summary = "Add a webhook endpoint",
      description =
          "Its signing secret is in secret, in this response only (a retry with the same"
              + " Idempotency-Key answers without it); Planbok keeps it sealed.")
  @RequestBody(
      required = true,
      content = @Content(schema = @Schema(implementation = WebhookEndpointBody.class)))
  @APIResponse(
      responseCode = "201",
      description = "Created; store secret now",
      content = @Content(schema = @Schema(implementation = WebhookViews.WithSecret.class)))
  @APIResponse(
      responseCode = "400",
      description = "A field is invalid (named in field)",
      content = @Content(mediaType = PROBLEM))
  @APIResponse(
      responseCode = "401",
      description = "No valid API key",
      content = @Content(mediaType = PROBLEM))
  @APIResponse(
      responseCode = "409",
      description = "Too many endpoints",
      content = @Content(mediaType = PROBLEM))
  @APIResponse(
      responseCode = "422",
      description = "Idempotency-Key used for another request",
      content = @Content(mediaType = PROBLEM))
  public Response create(WebhookEndpointBody body) {
    try (NewEndpoint made = endpoints.create(caller.id(), WebhookEndpointBody.settings(body))) {
      WebhookViews.WithSecret view = WebhookViews.WithSecret.of(made);
      return Response.created(uri.getAbsolutePathBuilder().path(view.endpoint().id()).build())
          .entity(view)
          .build();
    }
  }

  @GET
  @Path("endpoints")
  @Operation(
      operationId = "listWebhookEndpoints",
      summary = "Your webhook endpoints, without secrets")
  @APIResponse(
      responseCode = "200",
      description = "The endpoints",
      content = @Content(schema = @Schema(implementation = WebhookViews.EndpointList.class)))
  @APIResponse(
      responseCode = "401",
      description = "No valid API key",
      content = @Content(mediaType = PROBLEM))
  public WebhookViews.EndpointList list() {
    return new WebhookViews.EndpointList(
        endpoints.list(caller.id()).stream().map(WebhookViews.Endpoint::of).toList());
  }

  @GET
  @Path("endpoints/{id}")
  @Operation(operationId = "getWebhookEndpoint", summary = "One of your webhook endpoints")
  @APIResponse(
      responseCode = "200",
      description = "The endpoint",
      content = @Content(schema = @Schema(implementation = WebhookViews.Endpoint.class)))
  @APIResponse(
      responseCode = "401",
      description = "No valid API key",
      content = @Content(mediaType = PROBLEM))
  @APIResponse(
      responseCode = "404",
      description = "No such endpoint in your organization",
      content = @Content(mediaType = PROBLEM))
  public WebhookViews.Endpoint get(@PathParam("id") String id) {
    return WebhookViews.Endpoint.of(endpoints.get(caller.id(), id));
  }

  @PUT
  @Path("endpoints/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Idempotent
  @Operation(
      operationId = "replaceWebhookEndpoint",
      summary = "Replace an endpoint's URL, description, event types and enabled flag")
  @RequestBody(
      required = true,
      content = @Content(schema = @Schema(implementation = WebhookEndpointBody.class)))
  @APIResponse(
      responseCode = "200",
      description = "Replaced",
      content = @Content(schema = @Schema(implementation = WebhookViews.Endpoint.class)))
  @APIResponse(
      responseCode = "400",
      description = "A field is invalid (named in field)",
      content = @Content(mediaType = PROBLEM))
  @APIResponse(
      responseCode = "401",
      description = "No valid API key",
      content = @Content(mediaType = PROBLEM))
  @APIResponse(
      responseCode = "404",
      description = "No such endpoint in your organization",
      content = @Content(mediaType = PROBLEM))
  @APIResponse(
      responseCode = "422",
      description = "Idempotency-Key used for another request",
      content = @Content(mediaType = PROBLEM))
  public Response replace(@PathParam("id") String id, WebhookEndpointBody body) {
    return Response.ok(
            WebhookViews.Endpoint.of(
                endpoints.update(caller.id(), id, WebhookEndpointBody.settings(body))))
        .build();
  }

  @DELETE
  @Path("endpoints/{id}")
  @Idempotent
  @Operation(
      operationId = "deleteWebhookEndpoint",
      summary = "Delete an endpoint with its deliveries and their log")
  @APIResponse(responseCode = "204", description = "Deleted")
  @APIResponse(
      responseCode = "401",
      description = "No valid API key",
      content = @Content(mediaType = PROBLEM))
  @APIResponse(
      responseCode = "404",
      description = "No such endpoint in your organization",
      content = @Content(mediaType = PROBLEM))
  @APIResponse(
      responseCode = "422",
      description = "Idempotency-Key used for another request",
      content = @Content(mediaType = PROBLEM))
  public Response delete(@PathParam("id") String id) {
    endpoints.delete(caller.id(), id);
    return Response.noContent().build();
  }

  @POST
  @Path("endpoints/{id}/secret-rotations")
  @Idempotent(shownOnce = WebhookViews.SECRET_FIELD)
  @Operation(
      operationId = "rotateWebhookSecret",
      summary = "Give an endpoint a new signing secret",
      description =
          "Deliveries sent from now on are signed with the new secret only; it is in this response"
              + " only.")
  @APIResponse(
      responseCode = "200",
      description = "Rotated; store secret now",
      content = @Content(schema = @Schema(implementation = WebhookViews.WithSecret.class)))
  @APIResponse(
      responseCode = "401",
      description = "No valid API key",
      content = @Content(mediaType = PROBLEM))
  @APIResponse(
      responseCode = "404",
      description = "No such endpoint in your organization",
      content = @Content(mediaType = PROBLEM))
  @APIResponse(
      responseCode = "422",
      description = "Idempotency-Key used for another request",
      content = @Content(mediaType = PROBLEM))
  public Response rotate(@PathParam("id") String id) {
    try (NewEndpoint rotated = endpoints.rotateSecret(caller.id(), id)) {
      return Response.ok(WebhookViews.WithSecret.of(rotated)).build();
    }
  }

  @POST
  @Path("endpoints/{id}/pings")
  @Idempotent
  @Operation(
      operationId = "pingWebhookEndpoint",
      summary = "Send a webhook.ping event to this endpoint, to test the receiver")
  @APIResponse(
      responseCode = "202",
      description = "Queued",
      content = @Content(schema = @Schema(implementation = WebhookViews.Delivery.class)))
  @APIResponse(
      responseCode = "400",
      description = "The endpoint is disabled (field enabled)",
      content = @Content(mediaType = PROBLEM))
  @APIResponse(
      responseCode = "401",
      description = "No valid API key",
      content = @Content(mediaType = PROBLEM))
  @APIResponse(
      responseCode = "404",
      description = "No such endpoint in your organization",
      content = @Content(mediaType = PROBLEM))
  public Response ping(@PathParam("id") String id) {
    return Response.accepted(WebhookViews.delivery(endpoints, endpoints.ping(caller.id(), id)))
        .build();
  }

  @GET
  @Path("endpoints/{id}/deliveries")
  @Operation(
      operationId = "listWebhookDeliveries",
      summary = "An endpoint's newest deliveries, each with its attempts (the delivery log)")
  @Parameter(
      name = "limit",
      in = ParameterIn.QUERY,
      description = "1 to 100, default 20",
      schema =
          @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.INTEGER))
  @APIResponse(
      responseCode = "200",
      description = "The deliveries, newest first",
      content = @Content(schema = @Schema(implementation = WebhookViews.DeliveryList.class)))
  @APIResponse(
      responseCode = "400",
      description = "Bad limit",
      content = @Content(mediaType = PROBLEM))
  @APIResponse(
      responseCode = "401",
      description = "No valid API key",
      content = @Content(mediaType = PROBLEM))
  @APIResponse(
      responseCode = "404",
      description = "No such endpoint in your organization",
      content = @Content(mediaType = PROBLEM))
  public WebhookViews.DeliveryList deliveries(@PathParam("id") String id) {
    int limit = limit(uri);
    return WebhookViews.deliveries(endpoints, endpoints.deliveries(caller.id(), id, limit));
  }

  @POST
  @Path("deliveries/{id}/redeliveries")
  @Idempotent
  @Operation(
      operationId = "redeliverWebhook",
      summary = "Send a delivery's event again to its endpoint",
      description =
          "A new delivery with a fresh round of attempts and the same Planbok-Event-Id (receivers"
              + " that already have the event can acknowledge it without acting again).")
  @APIResponse(
      responseCode = "202",
      description = "Queued",
      content = @Content(schema = @Schema(implementation = WebhookViews.Delivery.class)))
  @APIResponse(
      responseCode = "400",
      description = "The endpoint is disabled (field enabled)",
      content = @Content(mediaType = PROBLEM))
  @APIResponse(
      responseCode = "401",
      description = "No valid API key",
      content = @Content(mediaType = PROBLEM))
  @APIResponse(
      responseCode = "404",
      description = "No such delivery in your organization",
      content = @Content(mediaType = PROBLEM))
  public Response redeliver(@PathParam("id") String id) {
    return Response.accepted(WebhookViews.delivery(endpoints, endpoints.redeliver(caller.id(), id)))
        .build();
  }

  /** {@code limit} only: these lists show the newest deliveries and are not paged. */
  static int limit(UriInfo uri) {
    StrictQuery query = StrictQuery.of(uri.getQueryParameters(), Set.of());
    if (query.get("cursor").isPresent()) {
      throw ProblemException.invalidField(
          "cursor", "cursor: this list is not paged; it shows the newest limit deliveries");
    }
    return query.limit();
  }
}
