/**
 * Exception mappers that render every failure as RFC 9457 {@code application/problem+json}: a
 * stable {@code type}, the HTTP status, a detail a person can act on, and for input errors the
 * field. Never a stack trace.
 */
package org.planbok.web.problem;
