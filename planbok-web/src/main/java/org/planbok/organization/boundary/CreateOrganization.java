package org.planbok.organization.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.planbok.organization.entity.ApiKeyLabel;
import org.planbok.organization.entity.OrganizationName;

/** The body of {@code POST /operator/organizations}. */
@Schema(name = "CreateOrganization")
public class CreateOrganization {
  @NotNull
  @NotBlank
  @Size(max = OrganizationName.MAX_LENGTH)
  @Schema(example = "Acme Payments", maxLength = OrganizationName.MAX_LENGTH)
  private String name;

  @Size(min = 1, max = ApiKeyLabel.MAX_LENGTH)
  @Schema(
      description = "Label of the first API key, default \"initial\"",
      example = "initial",
      maxLength = ApiKeyLabel.MAX_LENGTH)
  private String firstKeyLabel;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getFirstKeyLabel() {
    return firstKeyLabel;
  }

  public void setFirstKeyLabel(String firstKeyLabel) {
    this.firstKeyLabel = firstKeyLabel;
  }
}
