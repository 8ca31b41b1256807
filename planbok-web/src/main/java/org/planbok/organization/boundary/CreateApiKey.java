package org.planbok.organization.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.planbok.organization.entity.ApiKeyLabel;

/** The body of {@code POST /api-keys}. A class, not a record (see docs/troubleshooting.md). */
@Schema(name = "CreateApiKey")
public class CreateApiKey {
  @NotNull
  @NotBlank
  @Size(max = ApiKeyLabel.MAX_LENGTH)
  @Schema(
      description = "What the key is for, to tell keys apart",
      example = "billing backend",
      maxLength = ApiKeyLabel.MAX_LENGTH)
  private String label;

  public String getLabel() {
    return label;
  }

  public void setLabel(String label) {
    this.label = label;
  }
}
