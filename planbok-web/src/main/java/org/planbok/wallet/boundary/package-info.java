/** The wallets part of the API: deriving wallets, chain signatures and exports. */
package org.planbok.wallet.boundary;
