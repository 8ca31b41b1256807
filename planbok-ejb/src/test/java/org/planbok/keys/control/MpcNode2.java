package org.planbok.keys.control;

import com.google.protobuf.ByteString;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.planbok.mpc.ecdsa.EcdsaKeyExport;
import org.planbok.mpc.ecdsa.EcdsaKeyGenP1;
import org.planbok.mpc.ecdsa.EcdsaP1KeyShare;
import org.planbok.mpc.ecdsa.EcdsaRefreshP1;
import org.planbok.mpc.ecdsa.EcdsaSignP1;
import org.planbok.mpc.ecdsa.SignOutcome;
import org.planbok.mpc.ecdsa.SignRequest;
import org.planbok.mpc.eddsa.EddsaKeyExport;
import org.planbok.mpc.eddsa.EddsaKeyShare;
import org.planbok.mpc.eddsa.EddsaRefreshP1;
import org.planbok.mpc.eddsa.EddsaSignP1;
import org.planbok.mpc.eddsa.SeedKeyGenP1;
import org.planbok.mpc.export.ExportHpke;
import org.planbok.mpc.export.MaskedExport;
import org.planbok.mpc.group.Ed25519;
import org.planbok.mpc.group.Secp256k1;
import org.planbok.mpc.hd.DerivationPath;
import org.planbok.mpc.paillier.PaillierKeyPool;
import org.planbok.mpc.session.Participant;
import org.planbok.mpc.session.SessionId;
import org.planbok.node2.api.SessionDone;
import org.planbok.node2.api.SessionFrame;
import org.planbok.node2.api.SessionOpen;
import org.planbok.node2.api.SessionsGrpc;

/**
 * A stand-in Node 2 for Node 1's unit tests: plays P1 with planbok-mpc's parties, keeps its shares
 * in memory and ignores tickets (Node 2's own tests cover those). It shows that Node 1's rounds
 * meet a real P1 in the order the contract defines.
 */
final class MpcNode2 extends SessionsGrpc.SessionsImplBase {
  private static final SecureRandom RANDOM = new SecureRandom();
  final Map<String, EcdsaP1KeyShare> ecdsa = new ConcurrentHashMap<>();
  final Map<String, EddsaKeyShare> eddsa = new ConcurrentHashMap<>();
  private final PaillierKeyPool paillier;

  /** When set, the public key Node 2 reports at the end of a keygen. */
  volatile byte[] lieAboutPublicKey;

  MpcNode2(PaillierKeyPool paillier) {
    this.paillier = paillier;
  }

  @Override
  public StreamObserver<SessionFrame> session(StreamObserver<SessionFrame> out) {
    return new StreamObserver<>() {
      private Participant<?> party;
      private Runnable settle;
      private SessionOpen open;
      private byte[] publicKey = new byte[0];

      @Override
      public void onNext(SessionFrame frame) {
        try {
          if (frame.hasOpen()) {
            open = frame.getOpen();
            start();
            if (party != null) {
              party.firstMessage().ifPresent(this::send);
            }
          } else {
            // Node 2's one loop: the party's reply to each message, and the end once it is done.
            Optional<byte[]> reply = party.onMessage(frame.getRound().toByteArray());
            if (party.done()) {
              settle.run();
            }
            reply.ifPresent(this::send);
            if (party.done()) {
              byte[] reported = lieAboutPublicKey != null ? lieAboutPublicKey : publicKey;
              out.onNext(
                  SessionFrame.newBuilder()
                      .setDone(
                          SessionDone.newBuilder()
                              .setKeyId(open.getKeyId())
                              .setPublicKey(ByteString.copyFrom(reported)))
                      .build());
              out.onCompleted();
            }
          }
        } catch (RuntimeException e) {
          out.onError(Status.INVALID_ARGUMENT.withDescription(e.toString()).asRuntimeException());
        }
      }

      /** Plays {@code p1}; {@code keep} gets its outcome once it is done. */
      private <R> void play(Participant<R> p1, Consumer<R> keep) {
        party = p1;
        settle = () -> keep.accept(p1.outcome());
      }

      private BigInteger tweakOf(DerivationPath path, boolean secp, String keyId) {
        if (path.indices().isEmpty()) {
          return BigInteger.ZERO;
        }
        if (secp) {
          EcdsaP1KeyShare share = ecdsa.get(keyId);
          return org.planbok.mpc.hd.Bip32.derive(share.publicKey(), share.chainCode(), path)
              .tweak();
        }
        EddsaKeyShare share = eddsa.get(keyId);
        return new org.planbok.mpc.hd.Ed25519Derivation(share.publicKey(), share.chainCode())
            .tweak(path.indices().get(0));
      }

      private void start() {
        SessionId sid = SessionId.of(open.getSessionId().toByteArray());
        String keyId = open.getKeyId();
        boolean secp = open.getCurve() == org.planbok.node2.api.Curve.SECP256K1;
        // As Node 2 does: the tweak comes from the path and this side's own view of the key.
        DerivationPath path =
            open.getPath().isEmpty() ? DerivationPath.root() : DerivationPath.parse(open.getPath());
        BigInteger tweak = tweakOf(path, secp, keyId);
        byte[] aux = keyId.getBytes(StandardCharsets.UTF_8);
        switch (open.getOperation()) {
          case KEYGEN -> {
            if (secp) {
              play(
                  new EcdsaKeyGenP1(sid, aux, paillier.take(), RANDOM),
                  share -> {
                    ecdsa.put(keyId, share);
                    publicKey = Secp256k1.INSTANCE.encode(share.publicKey());
                  });
            } else {
              play(
                  new SeedKeyGenP1(sid, aux, RANDOM),
                  share -> {
                    eddsa.put(keyId, share);
                    publicKey = Ed25519.INSTANCE.encode(share.publicKey());
                  });
            }
          }
          case SIGN -> {
            byte[] message = open.getMessage().toByteArray();
            if (secp) {
              play(
                  new EcdsaSignP1(
                      ecdsa.get(keyId), sid, new SignRequest(aux, message, tweak), RANDOM),
                  outcome -> {
                    if (!(outcome instanceof SignOutcome.Signed)) {
                      throw new IllegalStateException("the joint signature did not verify");
                    }
                  });
            } else {
              play(new EddsaSignP1(eddsa.get(keyId), sid, message, tweak, RANDOM), none -> {});
            }
          }
          case REFRESH -> {
            if (secp) {
              EcdsaP1KeyShare old = ecdsa.get(keyId);
              publicKey = Secp256k1.INSTANCE.encode(old.publicKey());
              play(
                  new EcdsaRefreshP1(old, sid, aux, paillier.take(), RANDOM),
                  share -> ecdsa.put(keyId, share));
            } else {
              EddsaKeyShare old = eddsa.get(keyId);
              publicKey = Ed25519.INSTANCE.encode(old.publicKey());
              play(new EddsaRefreshP1(old, sid, RANDOM), share -> eddsa.put(keyId, share));
            }
          }
          case EXPORT -> {
            // The masked release (issue 12 item 5): ρ to Node 1, xA + ρ sealed to the device.
            MaskedExport masked =
                secp
                    ? EcdsaKeyExport.maskedRelease(ecdsa.get(keyId), sid, RANDOM)
                    : EddsaKeyExport.maskedRelease(eddsa.get(keyId), sid, RANDOM);
            byte[] part = new byte[34];
            part[0] = 1;
            part[1] = (byte) (secp ? 1 : 2);
            System.arraycopy(masked.node2Part(), 0, part, 2, 32);
            byte[] sealed =
                ExportHpke.seal(
                    ExportHpke.recipient(open.getMessage().toByteArray()),
                    ExportHpke.NODE2_INFO,
                    (keyId + ":" + open.getPath()).getBytes(StandardCharsets.UTF_8),
                    part);
            send(masked.mask().toBytes());
            out.onNext(
                SessionFrame.newBuilder()
                    .setDone(
                        SessionDone.newBuilder()
                            .setKeyId(keyId)
                            .setDevicePart(ByteString.copyFrom(sealed)))
                    .build());
            out.onCompleted();
          }
          default -> throw new IllegalArgumentException("unexpected " + open.getOperation());
        }
      }

      private void send(byte[] round) {
        out.onNext(SessionFrame.newBuilder().setRound(ByteString.copyFrom(round)).build());
      }

      @Override
      public void onError(Throwable t) {}

      @Override
      public void onCompleted() {}
    };
  }
}
