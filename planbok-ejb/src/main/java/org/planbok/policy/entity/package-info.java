/**
 * A stored policy per scope (organization or customer), and the value signed per owner and chain.
 */
package org.planbok.policy.entity;
