/** Hash commitments {@code C = SHA-256(label ‖ sid ‖ payload ‖ ρ)} with 32 random bytes ρ. */
package org.planbok.mpc.commit;
