/** The web module: the JAX-RS application that publishes the features' resources under /api/v1. */
package org.planbok.web;
