/**
 * Masked share release for export (DESIGN §4 Export, issue 12 item 5): the nodes agree a fresh mask
 * ρ, Node 2 seals {@code xA + ρ} and Node 1 seals {@code xB + t − ρ} to the device, which adds
 * them; neither node ever holds the whole key.
 */
package org.planbok.mpc.export;
