/** The export challenges Node 2 minted: subject, key, expiry and whether one was used. */
package org.planbok.node2.exports.entity;
