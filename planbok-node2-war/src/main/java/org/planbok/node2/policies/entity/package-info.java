/** The published policy hash of each scope, and each customer's organization as first enrolled. */
package org.planbok.node2.policies.entity;
