package org.planbok.custody.boundary;

/** The answer to a right secret: {@code {"verified": true}} (a wrong one is a 403 problem). */
public record VerifiedView(boolean verified) {}
