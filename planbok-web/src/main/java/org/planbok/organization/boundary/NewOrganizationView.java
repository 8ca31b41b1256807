package org.planbok.organization.boundary;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import org.planbok.organization.control.NewOrganization;

/** An organization just created and its first key, whose text is shown in this response only. */
@JsonbPropertyOrder({"id", "name", "createdAt", "firstApiKey"})
public record NewOrganizationView(
    String id, String name, Instant createdAt, IssuedApiKeyView firstApiKey) {
  static NewOrganizationView of(NewOrganization created) {
    return new NewOrganizationView(
        created.organization().id().toString(),
        created.organization().name().value(),
        created.organization().createdAt(),
        IssuedApiKeyView.of(created.firstKey()));
  }
}
