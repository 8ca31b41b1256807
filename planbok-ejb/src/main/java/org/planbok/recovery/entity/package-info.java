/** A customer's recovery settings: the questions, the recovery salt, the email recovery's state. */
package org.planbok.recovery.entity;
