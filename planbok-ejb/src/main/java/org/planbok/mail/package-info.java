/**
 * Outgoing mail: plain-text messages sent through an SMTP server from MicroProfile Config, one
 * connection per message, with Jakarta Mail as Payara provides it.
 */
package org.planbok.mail;
