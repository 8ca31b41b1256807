package org.planbok.keys.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.planbok.custody.boundary.SecretCommand;
import org.planbok.custody.boundary.SecretFields;
import org.planbok.custody.entity.ClientSecret;
import org.planbok.custody.entity.SecretPurpose;
import org.planbok.custody.entity.Subject;
import org.planbok.keys.control.ChainCodes;
import org.planbok.keys.control.ChildKey;
import org.planbok.keys.control.Keys;
import org.planbok.keys.control.Refreshes;
import org.planbok.keys.control.Signatures;
import org.planbok.keys.entity.Curve;
import org.planbok.keys.entity.JointKey;
import org.planbok.keys.entity.KeyId;
import org.planbok.mpc.ecdsa.EcdsaSignature;
import org.planbok.mpc.hd.DerivationPath;
import org.planbok.node2.api.vocabulary.PolicyStatement;
import org.planbok.organization.boundary.CallerOrganization;
import org.planbok.policy.control.Policies;
import org.planbok.policy.control.SigningRequest;
import org.planbok.web.problem.ProblemException;
import org.planbok.web.problem.ProblemType;

/**
 * The keys endpoints of an owner (a customer, or the organization itself): joint keys (at most one
 * per curve), made by the two-party key generation with Node 2, authorised by the owner's secret (a
 * customer's PIN, the Organization Secret); raw signatures with a key or one of its children;
 * refresh. {@link CustomerKeysResource} declares the endpoints once and {@link
 * OrganizationKeysResource} inherits them, saying whose.
 */
public abstract class KeyEndpoints {
  private static final String SECRET = "encryptedSecret";

  @Inject Keys keys;
  @Inject Signatures signatures;
  @Inject Policies policies;
  @Inject Refreshes refreshes;
  @Inject ChainCodes chainCodes;
  @Inject protected CallerOrganization caller;
  @Context UriInfo uri;

  /** Whose keys: the owner, which must be active to make keys or sign when {@code toChange}. */
  protected abstract Subject owner(boolean toChange);

  protected Response handleGenerate(GenerateKeys command) {
    Subject owner = owner(true);
    List<Curve> curves = curvesOf(command.getCurves());
    List<JointKey> made;
    try (ClientSecret secret = SecretFields.parse(command.getEncryptedSecret(), SECRET)) {
      made = keys.generate(caller.id(), owner, SecretPurpose.unlocking(owner), secret, curves);
    }
    return Response.created(uri.getAbsolutePath())
        .entity(new KeyList(made.stream().map(KeyView::of).toList()))
        .build();
  }

  protected KeyList handleList() {
    return new KeyList(keys.of(owner(false)).stream().map(KeyView::of).toList());
  }

  protected KeyView handleGet(String keyId) {
    return KeyView.of(keys.get(owner(false), keyIdOf(keyId)));
  }

  protected Response handleSign(String keyId, SignDigest command) {
    Subject subject = owner(true);
    SecretPurpose purpose = SecretPurpose.unlocking(subject);
    JointKey key = keys.get(subject, keyIdOf(keyId));
    ChildKey child = childOf(key, command);
    byte[] digest = HexFormat.of().parseHex(command.getDigest());
    // A raw digest with a key: under a policy only when it allows raw digests (rule rawDigest).
    PolicyStatement policy =
        policies.enforce(
            caller.id(), subject, "key:" + key.id(), SigningRequest.digest(null, digest));
    try (ClientSecret secret = SecretFields.parse(command.getEncryptedSecret(), SECRET)) {
      SignatureView view;
      if (key.curve() == Curve.SECP256K1) {
        EcdsaSignature sig =
            signatures.signDigest(subject, key.id(), purpose, secret, digest, child, policy);
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
                .signMessage(subject, key.id(), purpose, secret, digest, child, policy)
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

  protected Response handleRefresh(String keyId, SecretCommand command) {
    Subject owner = owner(true);
    try (ClientSecret secret = SecretFields.parse(command.getEncryptedSecret(), SECRET)) {
      JointKey key =
          refreshes.refresh(owner, keyIdOf(keyId), SecretPurpose.unlocking(owner), secret);
      return Response.ok(KeyView.of(key)).build();
    }
  }

  ChildKey childOf(JointKey key, SignDigest command) {
    if (key.curve() == Curve.SECP256K1) {
      if (command.getIndex() != null) {
        throw ProblemException.invalidField("index", "index: only for ed25519 keys; use path");
      }
      if (command.getPath() == null) {
        return ChildKey.root(key);
      }
      try {
        return chainCodes.secp256k1(key, DerivationPath.parse(command.getPath()));
      } catch (IllegalArgumentException e) {
        throw ProblemException.invalidField("path", "path: " + e.getMessage());
      }
    }
    if (command.getPath() != null) {
      throw ProblemException.invalidField("path", "path: only for secp256k1 keys; use index");
    }
    return command.getIndex() == null
        ? ChildKey.root(key)
        : chainCodes.ed25519(key, command.getIndex().intValue());
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
