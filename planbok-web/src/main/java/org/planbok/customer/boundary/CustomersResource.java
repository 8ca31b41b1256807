package org.planbok.customer.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.planbok.customer.control.Customers;
import org.planbok.customer.entity.Customer;
import org.planbok.customer.entity.CustomerId;
import org.planbok.customer.entity.EmailAddress;
import org.planbok.customer.entity.ExternalRef;
import org.planbok.idempotency.boundary.Idempotent;
import org.planbok.organization.boundary.CallerOrganization;
import org.planbok.paging.Page;
import org.planbok.paging.PageCursor;
import org.planbok.web.ApiExamples;

/** {@code /api/v1/customers}: the calling organization's customers, and only theirs. */
@Path("customers")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Customers", description = "The end users of your organization")
@SecurityRequirement(name = "apiKey")
public class CustomersResource {
  private static final String PROBLEM = "application/problem+json";

  @Inject Customers customers;
  @Inject CallerOrganization caller;
  @Context UriInfo uri;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Idempotent
  @Operation(
      operationId = "createCustomer",
      summary = "Create a customer",
      description =
          "Requires an Idempotency-Key header: a retry with the same key and body returns the"
              + " first response (same id) and creates nothing more.")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = CreateCustomer.class),
              examples = @ExampleObject(name = "customer", value = ApiExamples.CREATE_CUSTOMER)))
  @APIResponse(
      responseCode = "201",
      description = "Created; Location names the new customer",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = CustomerView.class),
              examples = @ExampleObject(name = "created", value = ApiExamples.CUSTOMER)))
  @APIResponse(
      responseCode = "400",
      description =
          "A field is missing, too long, of the wrong type, not UTF-8 or unknown; or no"
              + " Idempotency-Key",
      content =
          @Content(
              mediaType = PROBLEM,
              examples = @ExampleObject(name = "invalid", value = ApiExamples.INVALID_FIELD)))
  @APIResponse(
      responseCode = "401",
      description = "No valid API key",
      content =
          @Content(
              mediaType = PROBLEM,
              examples =
                  @ExampleObject(name = "unauthenticated", value = ApiExamples.UNAUTHENTICATED)))
  @APIResponse(
      responseCode = "409",
      description = "A customer with this externalRef exists, or the key is in use right now",
      content =
          @Content(
              mediaType = PROBLEM,
              examples = @ExampleObject(name = "duplicate", value = ApiExamples.ALREADY_EXISTS)))
  @APIResponse(responseCode = "413", description = "Body larger than 64 KiB")
  @APIResponse(
      responseCode = "422",
      description = "The Idempotency-Key was used for a different request",
      content =
          @Content(
              mediaType = PROBLEM,
              examples = @ExampleObject(name = "reused", value = ApiExamples.KEY_REUSED)))
  public Response create(@NotNull @Valid CreateCustomer command) {
    Customer customer =
        customers.create(
            caller.id(),
            new ExternalRef(command.getExternalRef()),
            new EmailAddress(command.getEmail()));
    return Response.created(uri.getAbsolutePathBuilder().path(customer.id().toString()).build())
        .entity(CustomerView.of(customer))
        .build();
  }

  @GET
  @Path("{id}")
  @Operation(operationId = "getCustomer", summary = "Get one of your customers")
  @APIResponse(
      responseCode = "200",
      description = "The customer",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = CustomerView.class),
              examples = @ExampleObject(name = "customer", value = ApiExamples.CUSTOMER)))
  @APIResponse(responseCode = "401", description = "No valid API key")
  @APIResponse(
      responseCode = "404",
      description = "No such customer in your organization (another's customer is also 404)",
      content =
          @Content(
              mediaType = PROBLEM,
              examples = @ExampleObject(name = "not found", value = ApiExamples.NOT_FOUND)))
  public CustomerView get(
      @Parameter(description = "The customer's id", example = ApiExamples.CUSTOMER_ID)
          @PathParam("id")
          String id) {
    return CustomerView.of(customers.get(caller.id(), idOf(id)));
  }

  @GET
  @Operation(
      operationId = "listCustomers",
      summary = "List your customers, oldest first",
      description =
          "Keyset pagination: pass the nextCursor of a page as cursor to get the next one;"
              + " nextCursor is null on the last page. Filters combine with AND.")
  @Parameter(
      name = "limit",
      in = ParameterIn.QUERY,
      description = "1 to 100, default 20",
      example = "20",
      schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100"))
  @Parameter(
      name = "cursor",
      in = ParameterIn.QUERY,
      description = "nextCursor of the previous page (opaque)",
      schema = @Schema(type = SchemaType.STRING))
  @Parameter(
      name = "status",
      in = ParameterIn.QUERY,
      description = "ACTIVE or DISABLED",
      example = "ACTIVE",
      schema =
          @Schema(
              type = SchemaType.STRING,
              enumeration = {"ACTIVE", "DISABLED"}))
  @Parameter(
      name = "email",
      in = ParameterIn.QUERY,
      description = "exact address, ignoring case",
      example = "ada@example.com",
      schema = @Schema(type = SchemaType.STRING, maxLength = EmailAddress.MAX_LENGTH))
  @Parameter(
      name = "externalRef",
      in = ParameterIn.QUERY,
      description = "exact external reference",
      example = "user-4711",
      schema = @Schema(type = SchemaType.STRING, maxLength = ExternalRef.MAX_LENGTH))
  @APIResponse(
      responseCode = "200",
      description = "A page",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = CustomerList.class),
              examples = @ExampleObject(name = "page", value = ApiExamples.CUSTOMER_LIST)))
  @APIResponse(
      responseCode = "400",
      description = "A bad, repeated or unknown query parameter (named in field)")
  @APIResponse(responseCode = "401", description = "No valid API key")
  public CustomerList list() {
    ListQuery query = ListQuery.parse(uri.getQueryParameters());
    Page<Customer> page =
        customers.list(caller.id(), query.filter(), query.limit(), query.cursor());
    return new CustomerList(
        page.items().stream().map(CustomerView::of).toList(),
        page.next().map(PageCursor::encode).orElse(null));
  }

  @POST
  @Path("{id}/disable")
  @Idempotent
  @Operation(
      operationId = "disableCustomer",
      summary = "Disable a customer",
      description = "Idempotent: disabling a disabled customer returns it unchanged.")
  @APIResponse(
      responseCode = "200",
      description = "The customer, now DISABLED",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = CustomerView.class),
              examples = @ExampleObject(name = "disabled", value = ApiExamples.DISABLED_CUSTOMER)))
  @APIResponse(responseCode = "400", description = "No or a malformed Idempotency-Key")
  @APIResponse(responseCode = "401", description = "No valid API key")
  @APIResponse(responseCode = "404", description = "No such customer in your organization")
  @APIResponse(responseCode = "422", description = "Idempotency-Key used for another request")
  public Response disable(
      @Parameter(description = "The customer's id", example = ApiExamples.CUSTOMER_ID)
          @PathParam("id")
          String id) {
    return Response.ok(CustomerView.of(customers.disable(caller.id(), idOf(id)))).build();
  }

  private static CustomerId idOf(String text) {
    return CustomerIds.parse(text);
  }
}
