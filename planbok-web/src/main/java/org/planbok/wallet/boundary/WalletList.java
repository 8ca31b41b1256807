package org.planbok.wallet.boundary;

import java.util.List;

/** A page of wallets, oldest first; {@code nextCursor} is null on the last page. */
public record WalletList(List<WalletView> items, String nextCursor) {}
