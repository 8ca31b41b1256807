/**
 * Strict input for every request: a size limit enforced before parsing, UTF-8 only, no control
 * characters in strings, no unknown or duplicate JSON fields, no wrong JSON types. Each refusal is
 * a problem naming the field, produced before any feature code runs.
 */
package org.planbok.web.input;
