/**
 * The Secrets gRPC service: the pepper oracle of DESIGN §5 as Node 1 reaches it. Requests are
 * validated and mapped here; secrets and peppers are zeroed once used and never logged.
 */
package org.planbok.node2.secrets.boundary;
