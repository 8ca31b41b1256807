/**
 * The words both nodes must spell the same: operations, curves, secret purposes, subjects, refusal
 * reasons, payload kinds, and the rules that turn them into bytes (a ticket's digest, a policy
 * decision's binding). Each is written here once, beside the {@code .proto} contract, and mapped to
 * the generated types in this package only.
 */
package org.planbok.node2.api.vocabulary;
