/**
 * Running a call once per idempotency key: the record and the call's effect commit in one
 * transaction, so a retry either finds both or neither.
 */
package org.planbok.idempotency.control;
