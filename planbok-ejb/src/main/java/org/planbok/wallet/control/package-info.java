/** Deriving wallets, signing chain payloads with them, and exporting their keys to a device. */
package org.planbok.wallet.control;
