/**
 * Node 1's append-only, hash-chained audit log (DESIGN §8): one chain per organization (and one for
 * the installation), recording who changed what: console sign-ins, API keys, PINs, keys, exports,
 * frozen keys and console users. Never a secret.
 */
package org.planbok.audit;
