/**
 * RFC 9457 problem details: the one error shape of the API. Features throw {@link
 * org.planbok.problem.ProblemException}; the web module renders it as {@code
 * application/problem+json}.
 */
package org.planbok.problem;
