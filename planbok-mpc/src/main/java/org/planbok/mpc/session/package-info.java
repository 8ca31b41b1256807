/** Session identity, party roles and the abort every protocol raises when a peer misbehaves. */
package org.planbok.mpc.session;
