/**
 * Export authorization (issue 12 item 4): Node 2's export key, the challenges it mints, and the
 * check of a device's sealed authorization when an export session opens.
 */
package org.planbok.node2.exports.control;
