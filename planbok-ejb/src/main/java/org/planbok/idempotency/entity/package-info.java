/** The stored outcome of each idempotent call, per caller and key. */
package org.planbok.idempotency.entity;
