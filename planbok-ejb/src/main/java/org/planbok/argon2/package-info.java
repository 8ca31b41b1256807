/** Node 1's Argon2id, one configured cost for every verifier it stores. */
package org.planbok.argon2;
