package org.planbok.mpc.eddsa;

import org.planbok.mpc.session.SessionId;

/** A message of a two-party EdDSA protocol: bound to its session, canonically encoded. */
interface EddsaMessage {
  SessionId sid();

  /** The canonical encoding; the type's {@code fromBytes} accepts exactly this and nothing else. */
  byte[] toBytes();
}
