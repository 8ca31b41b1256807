package org.planbok.mpc.ot;

import org.planbok.mpc.session.SessionId;

/** A message of the oblivious-transfer protocol: bound to its session, canonically encoded. */
public sealed interface OtMessage
    permits BaseOtOffer, BaseOtChoices, ExtensionMatrix, MaskedMessages {
  SessionId sid();

  /** The canonical encoding; the type's {@code fromBytes} accepts exactly this and nothing else. */
  byte[] toBytes();
}
