package org.planbok.console.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.planbok.console.control.Listings;
import org.planbok.console.entity.ConsoleRole;
import org.planbok.custody.control.Vaults;
import org.planbok.custody.entity.SecretPurpose;
import org.planbok.custody.entity.Subject;
import org.planbok.custody.entity.Vault;
import org.planbok.customer.control.Customers;
import org.planbok.customer.entity.Customer;
import org.planbok.customer.entity.CustomerId;
import org.planbok.idempotency.boundary.Idempotent;
import org.planbok.keys.control.Keys;
import org.planbok.node2client.Node2Secrets;
import org.planbok.web.input.FieldNames;
import org.planbok.web.problem.ProblemException;
import org.planbok.web.problem.ProblemType;

/**
 * {@code /api/v1/console/customers}: the organization's customers, found by the start of their
 * external reference or email address, with their keys, wallets and PIN lock.
 */
@Path("console/customers")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Console")
public class ConsoleCustomersResource {
  static final String UNLOCK =
      "An admin may lift the lock once a day after checking who is asking; Node 2 keeps the count,"
          + " so the next lock lasts twice as long, and a compromised Node 1 gains at most one more"
          + " round of guesses a day.";

  @Inject ConsoleCaller caller;
  @Inject Listings listings;
  @Inject Customers customers;
  @Inject Vaults vaults;
  @Inject Keys keys;
  @Context UriInfo uri;

  /** The PIN's state and the last lock Node 2 reported, while it lasts. */
  public record PinState(boolean set, Instant lockedUntil, String unlock) {}

  /** The recovery methods set up. */
  public record Recovery(boolean securityQuestions) {}

  /** A customer with everything the console shows about them. */
  public record CustomerDetail(
      ConsoleViews.CustomerRow customer,
      PinState pin,
      Recovery recovery,
      List<ConsoleViews.KeyRow> keys,
      Map<String, Long> walletsByChain) {}

  @GET
  @ConsoleAccess(ConsoleRole.VIEWER)
  @Operation(
      operationId = "listConsoleCustomers",
      summary = "Customers, newest first; q matches the start of externalRef or email")
  public TableView<ConsoleViews.CustomerRow> list() {
    ConsoleQuery query = ConsoleQuery.of(uri.getQueryParameters(), "q");
    return TableView.of(
        listings.customers(
            caller.organization(), query.get("q").orElse(null), query.page(), query.size()),
        ConsoleViews.CustomerRow::of);
  }

  @GET
  @Path("{id}")
  @ConsoleAccess(ConsoleRole.VIEWER)
  @Operation(
      operationId = "getConsoleCustomer",
      summary = "One customer with keys, wallets per chain, PIN lock and recovery")
  public CustomerDetail get(@PathParam("id") String id) {
    Customer customer = customer(id);
    Subject subject = Subject.customer(customer.id());
    Instant now = Instant.now();
    Instant locked =
        vaults
            .find(subject)
            .map(Vault::lockedUntil)
            .filter(until -> until.isAfter(now))
            .orElse(null);
    Map<String, Long> byChain = new TreeMap<>();
    listings
        .wallets(subject, 0, 1000)
        .items()
        .forEach(w -> byChain.merge(ConsoleViews.WalletRow.of(w).chain(), 1L, Long::sum));
    return new CustomerDetail(
        ConsoleViews.CustomerRow.of(customer),
        new PinState(
            vaults.wrapping(subject, SecretPurpose.PIN).isPresent(),
            locked,
            locked == null ? null : UNLOCK),
        new Recovery(vaults.wrapping(subject, SecretPurpose.QUESTIONS).isPresent()),
        keys.of(subject).stream().map(ConsoleViews.KeyRow::of).toList(),
        byChain);
  }

  @GET
  @Path("{id}/wallets")
  @ConsoleAccess(ConsoleRole.VIEWER)
  @Operation(
      operationId = "listConsoleCustomerWallets",
      summary = "A customer's wallets, by chain and index")
  public TableView<ConsoleViews.WalletRow> wallets(@PathParam("id") String id) {
    ConsoleQuery query = ConsoleQuery.of(uri.getQueryParameters());
    Customer customer = customer(id);
    return TableView.of(
        listings.wallets(Subject.customer(customer.id()), query.page(), query.size()),
        ConsoleViews.WalletRow::of);
  }

  @POST
  @Idempotent
  @Path("{id}/disable")
  @ConsoleAccess(ConsoleRole.ADMIN)
  @Operation(
      operationId = "disableConsoleCustomer",
      summary = "Disable a customer: nothing of theirs signs or changes any more")
  public Response disable(@PathParam("id") String id) {
    return Response.ok(
            ConsoleViews.CustomerRow.of(
                customers.disable(caller.organization(), customer(id).id())))
        .build();
  }

  /** What an unlock did: lifted, or there was no lock; and when the next is allowed. */
  public record UnlockResult(String outcome, Instant nextUnlockAt) {}

  @POST
  @Idempotent
  @Path("{id}/pin/unlock")
  @ConsoleAccess(ConsoleRole.ADMIN)
  @Operation(
      operationId = "unlockConsoleCustomerPin",
      summary = "Lift the customer's PIN lock early",
      description =
          "At most once a day per customer (Node 2 decides); the lock count is kept, so the next"
              + " lock lasts twice as long. Audited on both nodes with the admin's name.")
  public Response unlock(@PathParam("id") String id) {
    Subject subject = Subject.customer(customer(id).id());
    Node2Secrets.Unlock result =
        vaults.unlock(
            subject, caller.organization(), SecretPurpose.PIN, caller.consoleUser().email());
    if (result.outcome() == Node2Secrets.Unlock.Outcome.TOO_SOON) {
      throw new ProblemException(
          ProblemType.UNLOCK_TOO_SOON,
          "This PIN was unlocked less than a day ago; the lock ends by itself, or unlock again"
              + " after "
              + result.nextUnlockAt()
              + ".",
          null,
          Map.of("nextUnlockAt", result.nextUnlockAt().toString()));
    }
    if (result.outcome() == Node2Secrets.Unlock.Outcome.NOT_ENROLLED) {
      throw new ProblemException(ProblemType.SECRET_NOT_SET, "The customer has no PIN yet.");
    }
    return Response.ok(new UnlockResult(result.outcome().name(), result.nextUnlockAt())).build();
  }

  private Customer customer(String id) {
    CustomerId customerId =
        CustomerId.parse(id)
            .orElseThrow(
                () ->
                    new ProblemException(
                        ProblemType.NOT_FOUND, "No customer " + FieldNames.printable(id) + "."));
    return customers.get(caller.organization(), customerId);
  }
}
