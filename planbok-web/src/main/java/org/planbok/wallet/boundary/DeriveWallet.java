package org.planbok.wallet.boundary;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST …/wallets}: which chain, which index, optionally which format. */
@Schema(name = "DeriveWallet", description = "A wallet: the child of the key at a chain's path")
public class DeriveWallet {
  @NotNull
  @Schema(
      description = "ethereum, bitcoin, bitcoin-testnet, tron, solana or near",
      example = "ethereum")
  private String chain;

  @NotNull
  @Min(value = 0, message = "0 to 2147483647")
  @Max(value = Integer.MAX_VALUE, message = "0 to 2147483647")
  @Schema(description = "The wallet index i of the chain's path (see the API guide)", example = "0")
  private Long index;

  @Schema(
      description =
          "The address format; bitcoin: p2wpkh (default) or p2pkh; every other chain has one",
      example = "p2wpkh")
  private String format;

  public String getChain() {
    return chain;
  }

  public void setChain(String chain) {
    this.chain = chain;
  }

  public Long getIndex() {
    return index;
  }

  public void setIndex(Long index) {
    this.index = index;
  }

  public String getFormat() {
    return format;
  }

  public void setFormat(String format) {
    this.format = format;
  }
}
