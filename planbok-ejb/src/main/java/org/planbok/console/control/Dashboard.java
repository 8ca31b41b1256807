package org.planbok.console.control;

import java.util.List;
import org.planbok.keys.entity.ProtocolSession;

/** The figures on an organization's console dashboard. */
public record Dashboard(
    long customers,
    long keys,
    long frozenKeys,
    long wallets,
    long exportedWallets,
    long signaturesToday,
    long failedSessionsToday,
    List<ProtocolSession> recentFailures) {}
