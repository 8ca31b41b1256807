/** Length-prefixed, domain-separated hashing for commitments and Fiat–Shamir challenges. */
package org.planbok.mpc.transcript;
