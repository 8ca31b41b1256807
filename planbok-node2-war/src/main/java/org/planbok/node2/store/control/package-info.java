/**
 * What Node 2's store beans share: the qualified persistence context, the clock, and the start-up
 * check that refuses to deploy without a master key.
 */
package org.planbok.node2.store.control;
