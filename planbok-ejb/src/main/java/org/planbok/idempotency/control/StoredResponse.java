package org.planbok.idempotency.control;

import java.util.Optional;

/**
 * A response as an idempotent call first gave it and every retry gets it again: status, the JSON
 * body (none for 204) and the Location header. Shown-once secrets are never in it.
 */
public record StoredResponse(int status, Optional<String> body, Optional<String> location) {}
