package org.planbok.keys.boundary;

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
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.planbok.custody.boundary.SecretCommand;
import org.planbok.custody.boundary.SecretFields;
import org.planbok.custody.entity.ClientSecret;
import org.planbok.custody.entity.SecretPurpose;
import org.planbok.custody.entity.Subject;
import org.planbok.idempotency.boundary.Idempotent;
import org.planbok.keys.control.ChildKey;
import org.planbok.keys.control.Keys;
import org.planbok.keys.control.Refreshes;
import org.planbok.keys.control.Signatures;
import org.planbok.keys.entity.Curve;
import org.planbok.keys.entity.JointKey;
import org.planbok.keys.entity.KeyId;
import org.planbok.mpc.ecdsa.EcdsaSignature;
import org.planbok.mpc.hd.DerivationPath;
import org.planbok.organization.boundary.CallerOrganization;
import org.planbok.problem.ProblemException;
import org.planbok.problem.ProblemType;
import org.planbok.web.ApiExamples;

/**
 * The keys endpoints of an owner (a customer, or the organization itself): joint keys (at most one
 * per curve), made by the two-party key generation with Node 2, authorised by the owner's secret (a
 * customer's PIN, the Organization Secret); raw signatures with a key or one of its children;
 * refresh. {@link CustomerKeysResource} and {@link OrganizationKeysResource} say whose.
 */
public abstract class KeyEndpoints {
  private static final String SECRET = "encryptedSecret";

  @Inject Keys keys;
  @Inject Signatures signatures;
  @Inject Refreshes refreshes;
  @Inject protected CallerOrganization caller;
  @Context UriInfo uri;

  /** Whose keys: the owner, which must be active to make keys or sign when {@code toChange}. */
  protected abstract Subject owner(boolean toChange);

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Idempotent
  @Operation(
      summary = "Generate the owner's keys",
      description =
          "Runs the two-party key generation with Node 2 for each curve (secp256k1 takes about a"
              + " second, ed25519 a few milliseconds); each run is a protocol session you can see"
              + " under /sessions. A curve that has a key already is 409.")
  @Parameter(
      name = "Idempotency-Key",
      in = ParameterIn.HEADER,
      required = true,
      example = "keys-user-4711")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = GenerateKeys.class),
              examples = @ExampleObject(name = "both", value = ApiExamples.GENERATE_KEYS)))
  @APIResponse(
      responseCode = "201",
      description = "The new keys",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = KeyList.class),
              examples = @ExampleObject(name = "keys", value = ApiExamples.KEY_LIST)))
  @APIResponse(responseCode = "400", description = "A bad curve or encryptedSecret")
  @APIResponse(responseCode = "403", description = "Wrong PIN (attemptsLeft)")
  @APIResponse(responseCode = "409", description = "A key of that curve exists, or no PIN is set")
  @APIResponse(responseCode = "423", description = "PIN locked")
  @APIResponse(responseCode = "503", description = "Node 2 unavailable; no key was kept")
  public Response generate(@NotNull @Valid GenerateKeys command) {
    Subject owner = owner(true);
    List<Curve> curves = curvesOf(command.getCurves());
    List<JointKey> made;
    try (ClientSecret secret = SecretFields.parse(command.getEncryptedSecret(), SECRET)) {
      made =
          keys.generate(caller.id(), owner, SecretPurpose.unlocking(owner), secret, curves, SECRET);
    }
    return Response.created(uri.getAbsolutePath())
        .entity(new KeyList(made.stream().map(KeyView::of).toList()))
        .build();
  }

  @GET
  @Operation(summary = "The owner's keys")
  @APIResponse(
      responseCode = "200",
      description = "The keys",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = KeyList.class),
              examples = @ExampleObject(name = "keys", value = ApiExamples.KEY_LIST)))
  @APIResponse(responseCode = "404", description = "No such customer in your organization")
  public KeyList list() {
    return new KeyList(keys.of(owner(false)).stream().map(KeyView::of).toList());
  }

  @GET
  @Path("{keyId}")
  @Operation(summary = "One key, with its frozen state")
  @APIResponse(responseCode = "200", description = "The key")
  @APIResponse(responseCode = "404", description = "No such key of this owner")
  public KeyView get(@PathParam("keyId") String keyId) {
    return KeyView.of(keys.get(owner(false), keyIdOf(keyId)));
  }

  @POST
  @Path("{keyId}/signatures")
  @Consumes(MediaType.APPLICATION_JSON)
  @Idempotent
  @Operation(
      summary = "Sign 32 raw bytes",
      description =
          "Signs with the key, or with the child at path (secp256k1, BIP32 non-hardened) or index"
              + " (ed25519). Node 1 verifies the signature before it answers. For chain-specific"
              + " payloads use the wallet endpoints.")
  @Parameter(name = "Idempotency-Key", in = ParameterIn.HEADER, required = true, example = "sig-1")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = SignDigest.class),
              examples = @ExampleObject(name = "digest", value = ApiExamples.SIGN_DIGEST)))
  @APIResponse(
      responseCode = "200",
      description = "The verified signature",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = SignatureView.class),
              examples = @ExampleObject(name = "signature", value = ApiExamples.SIGNATURE)))
  @APIResponse(responseCode = "400", description = "A bad digest, path or index")
  @APIResponse(responseCode = "403", description = "Wrong PIN (attemptsLeft)")
  @APIResponse(responseCode = "404", description = "No such key of this owner")
  @APIResponse(responseCode = "409", description = "The key is frozen")
  @APIResponse(responseCode = "423", description = "PIN locked")
  @APIResponse(responseCode = "503", description = "Node 2 unavailable")
  public Response sign(@PathParam("keyId") String keyId, @NotNull @Valid SignDigest command) {
    Subject subject = owner(true);
    SecretPurpose purpose = SecretPurpose.unlocking(subject);
    JointKey key = keys.get(subject, keyIdOf(keyId));
    ChildKey child = childOf(key, command);
    byte[] digest = HexFormat.of().parseHex(command.getDigest());
    try (ClientSecret secret = SecretFields.parse(command.getEncryptedSecret(), SECRET)) {
      SignatureView view;
      if (key.curve() == Curve.SECP256K1) {
        EcdsaSignature sig =
            signatures.signDigest(
                subject, key.id(), purpose, secret, digest, child.tweak(), SECRET);
        view =
            new SignatureView(
                key.id().toString(),
                key.curve().label(),
                HexFormat.of().formatHex(child.publicKey()),
                HexFormat.of().formatHex(sig.compact()),
                sig.recoveryId());
      } else {
        byte[] sig =
            signatures
                .signMessage(subject, key.id(), purpose, secret, digest, child.tweak(), SECRET)
                .toBytes();
        view =
            new SignatureView(
                key.id().toString(),
                key.curve().label(),
                HexFormat.of().formatHex(child.publicKey()),
                HexFormat.of().formatHex(sig),
                null);
      }
      return Response.ok(view).build();
    }
  }

  @POST
  @Path("{keyId}/refresh")
  @Consumes(MediaType.APPLICATION_JSON)
  @Idempotent
  @Operation(
      summary = "Refresh the key's shares",
      description =
          "Both nodes' shares change, the public key and every address stay. The only way to"
              + " lift a freeze; audited on Node 2.")
  @Parameter(
      name = "Idempotency-Key",
      in = ParameterIn.HEADER,
      required = true,
      example = "refresh-1")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = SecretCommand.class),
              examples = @ExampleObject(name = "refresh", value = ApiExamples.PIN_COMMAND)))
  @APIResponse(responseCode = "200", description = "The key, refreshed and not frozen")
  @APIResponse(responseCode = "403", description = "Wrong PIN (attemptsLeft)")
  @APIResponse(responseCode = "404", description = "No such key of this owner")
  @APIResponse(responseCode = "503", description = "Node 2 unavailable; the key keeps its shares")
  public Response refresh(@PathParam("keyId") String keyId, @NotNull @Valid SecretCommand command) {
    Subject owner = owner(true);
    try (ClientSecret secret = SecretFields.parse(command.getEncryptedSecret(), SECRET)) {
      JointKey key =
          refreshes.refresh(owner, keyIdOf(keyId), SecretPurpose.unlocking(owner), secret, SECRET);
      return Response.ok(KeyView.of(key)).build();
    }
  }

  static ChildKey childOf(JointKey key, SignDigest command) {
    if (key.curve() == Curve.SECP256K1) {
      if (command.getIndex() != null) {
        throw ProblemException.invalidField("index", "index: only for ed25519 keys; use path");
      }
      if (command.getPath() == null) {
        return ChildKey.root(key);
      }
      try {
        return ChildKey.secp256k1(key, DerivationPath.parse(command.getPath()));
      } catch (IllegalArgumentException e) {
        throw ProblemException.invalidField("path", "path: " + e.getMessage());
      }
    }
    if (command.getPath() != null) {
      throw ProblemException.invalidField("path", "path: only for secp256k1 keys; use index");
    }
    return command.getIndex() == null
        ? ChildKey.root(key)
        : ChildKey.ed25519(key, command.getIndex().intValue());
  }

  static List<Curve> curvesOf(List<String> names) {
    List<Curve> curves = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      String field = "curves[" + i + "]";
      Curve curve =
          Curve.parse(names.get(i))
              .orElseThrow(
                  () -> ProblemException.invalidField(field, field + ": secp256k1 or ed25519"));
      if (curves.contains(curve)) {
        throw ProblemException.invalidField(field, field + ": " + curve.label() + " twice");
      }
      curves.add(curve);
    }
    return curves;
  }

  static KeyId keyIdOf(String text) {
    return KeyId.parse(text)
        .orElseThrow(
            () ->
                new ProblemException(
                    ProblemType.NOT_FOUND,
                    "No key " + org.planbok.web.input.FieldNames.printable(text) + ".",
                    null,
                    Map.of()));
  }
}
