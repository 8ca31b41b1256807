/**
 * The signing-policy endpoints: an organization's policy and each customer's, read, replaced and
 * removed with the organization's API key (docs/policies.md).
 */
package org.planbok.policy.boundary;
