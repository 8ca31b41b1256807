/**
 * The canonical byte encoding of protocol messages and key-share blobs: length-prefixed fields in a
 * fixed order, decoded strictly (no trailing bytes, no oversized fields, minimal integers).
 */
package org.planbok.mpc.wire;
