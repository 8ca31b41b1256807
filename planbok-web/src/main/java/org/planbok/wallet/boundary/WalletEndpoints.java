package org.planbok.wallet.boundary;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Base64;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.planbok.custody.boundary.SecretFields;
import org.planbok.custody.entity.ClientSecret;
import org.planbok.custody.entity.Subject;
import org.planbok.idempotency.boundary.Idempotent;
import org.planbok.organization.boundary.CallerOrganization;
import org.planbok.paging.Page;
import org.planbok.paging.PageCursor;
import org.planbok.problem.ProblemException;
import org.planbok.problem.ProblemType;
import org.planbok.wallet.chain.AddressFormat;
import org.planbok.wallet.chain.Chain;
import org.planbok.wallet.control.Chains;
import org.planbok.wallet.control.ExportFormat;
import org.planbok.wallet.control.SealedExport;
import org.planbok.wallet.control.WalletExports;
import org.planbok.wallet.control.Wallets;
import org.planbok.wallet.entity.Wallet;
import org.planbok.wallet.entity.WalletId;
import org.planbok.web.ApiExamples;
import org.planbok.web.input.FieldNames;
import org.planbok.web.input.StrictQuery;

/**
 * The wallet endpoints of an owner (a customer, or the organization itself): wallets derived on
 * demand per chain and index from the owner's keys; chain signatures and exports with them.
 * Deriving needs no secret (public derivation); signing and exporting do. {@link
 * CustomerWalletsResource} and {@link OrganizationWalletsResource} say whose.
 */
public abstract class WalletEndpoints {
  @Inject Wallets wallets;
  @Inject WalletExports exports;
  @Inject WalletPayloads payloads;
  @Inject protected CallerOrganization caller;
  @Context UriInfo uri;

  /** Whose wallets: the owner, which must be active to derive, sign or export when toChange. */
  protected abstract Subject owner(boolean toChange);

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Idempotent
  @Operation(
      summary = "Derive a wallet",
      description =
          "The child of the customer's key at the chain's path for this index (see the README's"
              + " table of paths). The same chain, format and index always give the same wallet:"
              + " 201 the first time, 200 after.")
  @Parameter(name = "Idempotency-Key", in = ParameterIn.HEADER, required = true, example = "eth-0")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = DeriveWallet.class),
              examples = @ExampleObject(name = "ethereum", value = ApiExamples.DERIVE_WALLET)))
  @APIResponse(
      responseCode = "201",
      description = "The new wallet",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = WalletView.class),
              examples = @ExampleObject(name = "wallet", value = ApiExamples.WALLET)))
  @APIResponse(responseCode = "200", description = "The wallet, made earlier")
  @APIResponse(responseCode = "400", description = "Unknown chain or format, bad index")
  @APIResponse(responseCode = "404", description = "No such customer in your organization")
  @APIResponse(responseCode = "409", description = "No key of the chain's curve yet")
  public Response derive(@NotNull @Valid DeriveWallet command) {
    Subject owner = owner(true);
    Chain chain =
        Chains.chain(command.getChain())
            .orElseThrow(
                () ->
                    ProblemException.invalidField(
                        "chain",
                        "chain: ethereum, bitcoin, bitcoin-testnet, tron, solana or near"));
    AddressFormat format =
        command.getFormat() == null
            ? chain.defaultFormat()
            : Chains.format(command.getFormat())
                .filter(chain.formats()::contains)
                .orElseThrow(
                    () ->
                        ProblemException.invalidField(
                            "format",
                            "format: "
                                + chain.formats().stream().map(Chains::name).toList()
                                + " for "
                                + Chains.name(chain)));
    Wallets.Derived derived =
        wallets.derive(caller.id(), owner, chain, format, command.getIndex().intValue());
    WalletView view = view(derived.wallet());
    return derived.created()
        ? Response.created(uri.getAbsolutePathBuilder().path(view.id()).build())
            .entity(view)
            .build()
        : Response.ok(view).build();
  }

  @GET
  @Operation(
      summary = "List the customer's wallets, oldest first",
      description = "Keyset pagination like /customers; filter by chain.")
  @Parameter(name = "chain", in = ParameterIn.QUERY, example = "ethereum")
  @Parameter(name = "limit", in = ParameterIn.QUERY, example = "20")
  @Parameter(name = "cursor", in = ParameterIn.QUERY)
  @APIResponse(
      responseCode = "200",
      description = "A page",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = WalletList.class)))
  public WalletList list() {
    Subject owner = owner(false);
    StrictQuery query = StrictQuery.of(uri.getQueryParameters(), Set.of("chain"));
    Page<Wallet> page =
        wallets.list(
            owner,
            query
                .get("chain")
                .map(
                    c ->
                        Chains.chain(c)
                            .orElseThrow(
                                () -> ProblemException.invalidField("chain", "chain: unknown"))),
            query.limit(),
            query.cursor());
    return new WalletList(
        page.items().stream().map(this::view).toList(),
        page.next().map(PageCursor::encode).orElse(null));
  }

  @GET
  @Path("{walletId}")
  @Operation(summary = "One wallet")
  @APIResponse(responseCode = "200", description = "The wallet")
  @APIResponse(responseCode = "404", description = "No such wallet of this customer")
  public WalletView get(@PathParam("walletId") String walletId) {
    return view(wallet(walletId, false));
  }

  @POST
  @Path("{walletId}/signatures")
  @Consumes(MediaType.APPLICATION_JSON)
  @Idempotent
  @Operation(
      summary = "Sign with the wallet",
      description =
          "What the chain needs signed, returned as the chain wants it; Node 1 verifies every"
              + " signature against the wallet's key before it answers. A malformed payload is a"
              + " 400 naming the field, before the PIN is checked.")
  @Parameter(name = "Idempotency-Key", in = ParameterIn.HEADER, required = true, example = "tx-42")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = SignPayload.class),
              examples = {
                @ExampleObject(name = "personal_sign", value = ApiExamples.PERSONAL_SIGN),
                @ExampleObject(name = "transaction", value = ApiExamples.EVM_TRANSACTION)
              }))
  @APIResponse(
      responseCode = "200",
      description = "The signature or signed transaction",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = SignedView.class),
              examples =
                  @ExampleObject(name = "personal_sign", value = ApiExamples.SIGNED_MESSAGE)))
  @APIResponse(responseCode = "400", description = "A malformed payload, named in field")
  @APIResponse(responseCode = "403", description = "Wrong PIN (attemptsLeft)")
  @APIResponse(responseCode = "404", description = "No such wallet of this customer")
  @APIResponse(responseCode = "409", description = "The key is frozen")
  @APIResponse(responseCode = "413", description = "Body larger than 2 MiB")
  @APIResponse(responseCode = "423", description = "PIN locked")
  public Response sign(
      @PathParam("walletId") String walletId, @NotNull @Valid SignPayload command) {
    Wallet wallet = wallet(walletId, true);
    try (ClientSecret secret =
        SecretFields.parse(command.getEncryptedSecret(), "encryptedSecret")) {
      return Response.ok(payloads.sign(wallet, secret, command)).build();
    }
  }

  @POST
  @Path("{walletId}/export")
  @Consumes(MediaType.APPLICATION_JSON)
  @Idempotent
  @Operation(
      summary = "Export the wallet's key to the customer's device",
      description =
          "The key, in the form the chain's wallet apps import, sealed with HPKE (RFC 9180,"
              + " X25519/HKDF-SHA256/AES-256-GCM) to devicePublicKey: only the device opens it"
              + " (see the client kit). Needs the PIN; recorded on the wallet and key, shown in the"
              + " console.")
  @Parameter(
      name = "Idempotency-Key",
      in = ParameterIn.HEADER,
      required = true,
      example = "export-1")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ExportRequest.class),
              examples = @ExampleObject(name = "export", value = ApiExamples.EXPORT_REQUEST)))
  @APIResponse(
      responseCode = "200",
      description = "The sealed export",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ExportView.class),
              examples = @ExampleObject(name = "sealed", value = ApiExamples.EXPORT)))
  @APIResponse(responseCode = "400", description = "Bad device key or format")
  @APIResponse(responseCode = "403", description = "Wrong PIN (attemptsLeft)")
  @APIResponse(responseCode = "409", description = "The key is frozen")
  public Response export(
      @PathParam("walletId") String walletId, @NotNull @Valid ExportRequest command) {
    Wallet wallet = wallet(walletId, true);
    ExportFormat format =
        command.getFormat() == null
            ? ExportFormat.defaultFor(wallet.chain())
            : ExportFormat.parse(command.getFormat())
                .orElseThrow(
                    () ->
                        ProblemException.invalidField(
                            "format", "format: hex, wif, ed25519-expanded or ed25519-scalar"));
    byte[] device = Base64.getUrlDecoder().decode(command.getDevicePublicKey());
    try (ClientSecret secret =
        SecretFields.parse(command.getEncryptedSecret(), "encryptedSecret")) {
      SealedExport sealed = exports.export(wallet, secret, device, format);
      Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
      return Response.ok(
              new ExportView(
                  wallet.id().toString(),
                  Chains.name(wallet.chain()),
                  wallet.address(),
                  format.label(),
                  new ExportView.Hpke(
                      SealedExport.SUITE,
                      SealedExport.KEM,
                      SealedExport.KDF,
                      SealedExport.AEAD,
                      SealedExport.INFO,
                      sealed.aad(),
                      b64.encodeToString(sealed.enc()),
                      b64.encodeToString(sealed.ciphertext()))))
          .build();
    }
  }

  private Wallet wallet(String walletId, boolean toChange) {
    Subject owner = owner(toChange);
    WalletId wid =
        WalletId.parse(walletId)
            .orElseThrow(
                () ->
                    new ProblemException(
                        ProblemType.NOT_FOUND,
                        "No wallet " + FieldNames.printable(walletId) + "."));
    return wallets.get(owner, wid);
  }

  private WalletView view(Wallet wallet) {
    return WalletView.of(wallet, wallets.childKey(wallet));
  }
}
