/** Secret verifiers (sealed HMACs, never the secrets) and their attempt counters. */
package org.planbok.node2.secrets.entity;
