package org.planbok.system.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.util.Base64;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.planbok.node2client.Node2Status;
import org.planbok.system.control.Nodes;
import org.planbok.web.ApiExamples;

/** {@code /api/v1/system}: the two nodes, their identities and versions, and Node 2's latency. */
@Path("system")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "System", description = "Node identities, versions and Node 2 reachability")
public class SystemResource {
  @Inject Nodes nodes;

  /** The two nodes as seen from Node 1. */
  public record NodeView(String nodeId, String role, String version) {}

  /** Both nodes and one Node 2 round trip. */
  public record SystemView(NodeView node1, NodeView node2, double node2RoundTripMs) {}

  /**
   * How many pings to send. A class, not a record: Payara's OpenAPI generator fails on Bean
   * Validation annotations on record components (see docs/troubleshooting.md).
   */
  public static class PingCommand {
    @NotNull
    @Min(1)
    @Max(100)
    private Integer count;

    public Integer getCount() {
      return count;
    }

    public void setCount(Integer count) {
      this.count = count;
    }
  }

  /** Node 2's export key, unpadded base64url, and SHA-256 of its 32 bytes in hex. */
  public record ExportKeyView(String publicKey, String fingerprint) {}

  /** Round-trip statistics, in milliseconds. */
  public record PingView(String node2Id, int count, double minMs, double medianMs, double maxMs) {}

  @GET
  @Operation(
      operationId = "getSystem",
      summary = "Identity and version of both nodes, with one Node 2 round trip")
  @APIResponse(responseCode = "200", description = "Both nodes answer")
  @APIResponse(responseCode = "503", description = "Node 2 is unreachable (problem+json)")
  public SystemView status() {
    Node2Status node2 = nodes.node2();
    return new SystemView(
        new NodeView(nodes.node1Id(), "node1", nodes.node1Version()),
        new NodeView(node2.nodeId(), "node2", node2.version()),
        millis(node2.roundTrip()));
  }

  @POST
  @Path("node2/pings")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "pingNode2",
      summary = "Ping Node 2 a number of times over mutual TLS and report round-trip times",
      description =
          "A diagnostic for the operator (operator token): {\"count\": 10} sends ten pings in a"
              + " row. Changes nothing.")
  @SecurityRequirement(name = "operatorToken")
  @APIResponse(responseCode = "200", description = "Round-trip statistics")
  @APIResponse(responseCode = "401", description = "No valid operator token")
  @APIResponse(responseCode = "400", description = "count missing or outside 1..100")
  @APIResponse(responseCode = "503", description = "Node 2 is unreachable")
  public PingView ping(@NotNull @Valid PingCommand command) {
    Nodes.PingSummary s = nodes.pingNode2(command.getCount());
    return new PingView(
        s.node2Id(), s.count(), millis(s.min()), millis(s.median()), millis(s.max()));
  }

  @GET
  @Path("export-key")
  @Operation(
      operationId = "getExportKey",
      summary = "Node 2's export-authorization key, which customers' devices pin",
      description =
          "An X25519 public key (RFC 7748) that Node 2 drew once and keeps sealed; a customer's"
              + " device seals each export authorization to it (HPKE, see the client kit), so only"
              + " Node 2 reads it. Pin the fingerprint (SHA-256 of the 32 bytes, hex) in the app"
              + " from a trusted channel (the console or this call at install time): the kit"
              + " refuses a key whose fingerprint differs. Public; needs no API key.")
  @APIResponse(
      responseCode = "200",
      description = "The key and its fingerprint",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ExportKeyView.class),
              examples = @ExampleObject(name = "export key", value = ApiExamples.EXPORT_KEY)))
  @APIResponse(responseCode = "503", description = "Node 2 is unreachable (problem+json)")
  public ExportKeyView exportKey() {
    Nodes.ExportKey key = nodes.node2ExportKey();
    return new ExportKeyView(
        Base64.getUrlEncoder().withoutPadding().encodeToString(key.publicKey()), key.fingerprint());
  }

  private static double millis(Duration d) {
    return d.toNanos() / 1_000_000.0;
  }
}
