/**
 * Hierarchical derivation below a jointly generated root key: child tweaks and child public keys
 * that both parties compute alike, while the tweak is added to one share only at signing.
 */
package org.planbok.mpc.hd;
