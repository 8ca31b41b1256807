package org.planbok.customer.boundary;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.planbok.customer.entity.EmailAddress;
import org.planbok.customer.entity.ExternalRef;

/** The body of {@code POST /customers}. A class, not a record (see docs/troubleshooting.md). */
@Schema(name = "CreateCustomer", description = "A new customer of the calling organization")
public class CreateCustomer {
  @NotNull
  @Size(max = ExternalRef.MAX_LENGTH, message = ExternalRef.RULE)
  @Pattern(regexp = ExternalRef.PATTERN, message = ExternalRef.RULE)
  @Schema(
      description = "Your own id for this customer, unique in your organization",
      example = "user-4711",
      maxLength = ExternalRef.MAX_LENGTH,
      pattern = ExternalRef.PATTERN)
  private String externalRef;

  @NotNull
  @Size(max = EmailAddress.MAX_LENGTH, message = EmailAddress.RULE)
  @Pattern(regexp = EmailAddress.PATTERN, message = EmailAddress.RULE)
  @Schema(
      description = "Where recovery mail goes",
      example = "ada@example.com",
      maxLength = EmailAddress.MAX_LENGTH)
  private String email;

  public String getExternalRef() {
    return externalRef;
  }

  public void setExternalRef(String externalRef) {
    this.externalRef = externalRef;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }
}
