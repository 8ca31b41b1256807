package org.planbok.wallet.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Base64;
import java.util.Set;
import org.planbok.custody.boundary.SecretFields;
import org.planbok.custody.entity.ClientSecret;
import org.planbok.custody.entity.Subject;
import org.planbok.node2client.Node2Exports;
import org.planbok.organization.boundary.CallerOrganization;
import org.planbok.paging.Page;
import org.planbok.paging.PageCursor;
import org.planbok.wallet.chain.AddressFormat;
import org.planbok.wallet.chain.Chain;
import org.planbok.wallet.control.Chains;
import org.planbok.wallet.control.ExportFormat;
import org.planbok.wallet.control.SealedExport;
import org.planbok.wallet.control.WalletExports;
import org.planbok.wallet.control.Wallets;
import org.planbok.wallet.entity.Wallet;
import org.planbok.wallet.entity.WalletId;
import org.planbok.web.input.FieldNames;
import org.planbok.web.input.StrictQuery;
import org.planbok.web.problem.ProblemException;
import org.planbok.web.problem.ProblemType;

/**
 * The wallet endpoints of an owner (a customer, or the organization itself): wallets derived on
 * demand per chain and index from the owner's keys; chain signatures and exports with them.
 * Deriving needs no secret (public derivation); signing and exporting do. {@link
 * CustomerWalletsResource} declares the endpoints once and {@link OrganizationWalletsResource}
 * inherits them, saying whose.
 */
public abstract class WalletEndpoints {
  @Inject Wallets wallets;
  @Inject WalletExports exports;
  @Inject WalletPayloads payloads;
  @Inject protected CallerOrganization caller;
  @Context UriInfo uri;

  /** Whose wallets: the owner, which must be active to derive, sign or export when toChange. */
  protected abstract Subject owner(boolean toChange);

  protected Response handleDerive(DeriveWallet command) {
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

  protected WalletList handleList() {
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

  protected WalletView handleGet(String walletId) {
    return view(wallet(walletId, false));
  }

  protected Response handleSign(String walletId, SignPayload command) {
    Wallet wallet = wallet(walletId, true);
    try (ClientSecret secret =
        SecretFields.parse(command.getEncryptedSecret(), "encryptedSecret")) {
      return Response.ok(payloads.sign(wallet, secret, command)).build();
    }
  }

  protected Response handleExport(String walletId, ExportRequest command) {
    Wallet wallet = wallet(walletId, true);
    ExportFormat format =
        command.getFormat() == null
            ? ExportFormat.defaultFor(wallet.chain())
            : ExportFormat.parse(command.getFormat())
                .orElseThrow(
                    () ->
                        ProblemException.invalidField(
                            "format",
                            "format: hex, wif, ed25519-expanded, ed25519-scalar,"
                                + " solana-keypair, solana-keypair-json or near-keypair"));
    byte[] device = Base64.getUrlDecoder().decode(command.getDevicePublicKey());
    byte[] authorization = decoded(command.getAuthorization(), "authorization");
    byte[] challenge = decoded(command.getChallenge(), "challenge");
    try (ClientSecret secret =
        SecretFields.parse(command.getEncryptedSecret(), "encryptedSecret")) {
      SealedExport.Parts sealed =
          exports.export(wallet, secret, device, format, authorization, challenge);
      return Response.ok(
              new ExportView(
                  wallet.id().toString(),
                  Chains.name(wallet.chain()),
                  wallet.address(),
                  format.label(),
                  hpke(sealed.node1()),
                  hpke(sealed.node2())))
          .build();
    }
  }

  /** A fresh challenge for one export of the wallet; the device seals its authorization to it. */
  protected Response handleExportChallenge(String walletId) {
    Wallet wallet = wallet(walletId, true);
    Node2Exports.Challenge challenge = exports.challenge(wallet);
    return Response.status(Response.Status.CREATED)
        .entity(
            new ExportChallengeView(
                Base64.getUrlEncoder().withoutPadding().encodeToString(challenge.bytes()),
                challenge.expiresAt()))
        .build();
  }

  private static ExportView.Hpke hpke(SealedExport sealed) {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    return new ExportView.Hpke(
        SealedExport.SUITE,
        SealedExport.KEM,
        SealedExport.KDF,
        SealedExport.AEAD,
        sealed.info(),
        sealed.aad(),
        b64.encodeToString(sealed.enc()),
        b64.encodeToString(sealed.ciphertext()));
  }

  /** Unpadded base64url (the pattern has checked the alphabet), or null when absent. */
  private static byte[] decoded(String value, String field) {
    if (value == null) {
      return null;
    }
    try {
      return Base64.getUrlDecoder().decode(value);
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalidField(field, field + ": not unpadded base64url");
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
