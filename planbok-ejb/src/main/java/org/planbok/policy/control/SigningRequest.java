package org.planbok.policy.control;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.planbok.node2.api.vocabulary.PayloadKind;
import org.planbok.wallet.chain.Chain;
import org.planbok.wallet.chain.evm.EvmAddress;
import org.planbok.wallet.chain.evm.TypedData;
import org.planbok.wallet.chain.evm.UnsignedEvmTransaction;
import org.planbok.wallet.chain.near.NearAction;
import org.planbok.wallet.chain.near.NearTransaction;
import org.planbok.wallet.chain.solana.SolanaInstruction;
import org.planbok.wallet.chain.solana.SolanaMessage;
import org.planbok.wallet.chain.tron.TronContract;
import org.planbok.wallet.chain.tron.TronTransaction;

/**
 * What a signature would do, as the rules see it, read from the chain layer's parsed payload: the
 * chain, who receives (each with the request field it came from), the value moved and, per kind,
 * the chain id, EIP-712 domain or programs. Built once per signature, after parsing and before the
 * secret is checked.
 *
 * @param chain null for a raw digest signed with a key rather than a wallet
 * @param payload what Node 2 recomputes the digest from (empty for the kinds it does not)
 */
public record SigningRequest(
    PayloadKind kind,
    Chain chain,
    Optional<BigInteger> evmChainId,
    Optional<Domain> domain,
    List<Recipient> recipients,
    List<Program> programs,
    BigInteger value,
    String valueField,
    byte[] payload) {

  /** A recipient; {@code address} null when the payload does not say who (a table lookup). */
  public record Recipient(String address, String field) {}

  /** A Solana program an instruction calls. */
  public record Program(String id, String field) {}

  /** An EIP-712 domain's members, when present. */
  public record Domain(
      Optional<String> name, Optional<BigInteger> chainId, Optional<String> verifyingContract) {}

  public SigningRequest {
    recipients = List.copyOf(recipients);
    programs = List.copyOf(programs);
    payload = payload == null ? new byte[0] : payload.clone();
  }

  @Override
  public byte[] payload() {
    return payload.clone();
  }

  /** A raw 32-byte digest with a wallet ({@code chain}) or with a key (null). */
  public static SigningRequest digest(Chain chain, byte[] digest) {
    return new SigningRequest(
        PayloadKind.DIGEST,
        chain,
        Optional.empty(),
        Optional.empty(),
        List.of(),
        List.of(),
        BigInteger.ZERO,
        "digest",
        digest);
  }

  public static SigningRequest personalSign(byte[] message) {
    return new SigningRequest(
        PayloadKind.PERSONAL_SIGN,
        Chain.ETHEREUM,
        Optional.empty(),
        Optional.empty(),
        List.of(),
        List.of(),
        BigInteger.ZERO,
        "message",
        message);
  }

  public static SigningRequest typedData(TypedData typed, byte[] json) {
    Domain domain =
        new Domain(
            typed.domainName(),
            typed.domainChainId(),
            typed.domainVerifyingContract().map(PolicyAddresses::evm));
    return new SigningRequest(
        PayloadKind.TYPED_DATA,
        Chain.ETHEREUM,
        domain.chainId(),
        Optional.of(domain),
        List.of(),
        List.of(),
        BigInteger.ZERO,
        "typedData",
        json);
  }

  /** An unsigned EVM transaction; {@code raw} is what its signing hash is Keccak-256 of. */
  public static SigningRequest evmTransaction(UnsignedEvmTransaction tx, byte[] raw) {
    Optional<EvmAddress> to = tx.to();
    return new SigningRequest(
        PayloadKind.EVM_TRANSACTION,
        Chain.ETHEREUM,
        Optional.of(tx.chainId().toBigInteger()),
        Optional.empty(),
        List.of(new Recipient(to.map(PolicyAddresses::evm).orElse(null), "transaction.to")),
        List.of(),
        tx.value(),
        "transaction.value",
        raw);
  }

  /**
   * A PSBT's outputs: every output that does not pay back to the wallet itself is a recipient, and
   * their total is the value (change is not spent).
   */
  public static SigningRequest psbt(Chain chain, List<PsbtOutput> outputs, byte[] psbt) {
    List<Recipient> recipients = new ArrayList<>();
    BigInteger value = BigInteger.ZERO;
    for (int i = 0; i < outputs.size(); i++) {
      PsbtOutput o = outputs.get(i);
      if (o.change()) {
        continue;
      }
      recipients.add(new Recipient(o.address(), "psbt.outputs[" + i + "]"));
      value = value.add(BigInteger.valueOf(o.value()));
    }
    return new SigningRequest(
        PayloadKind.PSBT,
        chain,
        Optional.empty(),
        Optional.empty(),
        recipients,
        List.of(),
        value,
        "psbt.outputs",
        psbt);
  }

  /** One output of a PSBT: its address (null when no address stands for its script). */
  public record PsbtOutput(String address, long value, boolean change) {}

  /**
   * A Solana message: every instruction's program, and for System Program transfers from the
   * wallet, the destination and lamports. Transfers from other accounts (another signer's) move
   * none of the wallet's value.
   */
  public static SigningRequest solana(SolanaMessage message, byte[] walletKey) {
    List<Program> programs = new ArrayList<>();
    List<Recipient> recipients = new ArrayList<>();
    BigInteger value = BigInteger.ZERO;
    List<SolanaInstruction> instructions = message.instructions();
    for (int i = 0; i < instructions.size(); i++) {
      SolanaInstruction ins = instructions.get(i);
      String at = "transaction.instructions[" + i + "]";
      programs.add(new Program(ins.programBase58(), at + ".programId"));
      Optional<SolanaInstruction.Transfer> transfer = ins.systemTransfer();
      if (transfer.isPresent() && java.util.Arrays.equals(transfer.get().from(), walletKey)) {
        byte[] to = transfer.get().to();
        recipients.add(
            new Recipient(
                to == null ? null : org.planbok.mpc.hd.Base58.encode(to), at + ".accounts[1]"));
        value = value.add(transfer.get().lamports());
      }
    }
    return new SigningRequest(
        PayloadKind.SOLANA_TRANSACTION,
        Chain.SOLANA,
        Optional.empty(),
        Optional.empty(),
        recipients,
        programs,
        value,
        "transaction.instructions",
        message.bytesToSign());
  }

  /**
   * A NEAR transaction: its receiver, and the beneficiary of a DeleteAccount; the value is the sum
   * of deposits and stakes.
   */
  public static SigningRequest near(NearTransaction tx) {
    List<Recipient> recipients = new ArrayList<>();
    recipients.add(new Recipient(tx.receiverId(), "transaction.receiverId"));
    BigInteger value = BigInteger.ZERO;
    List<NearAction> actions = tx.actions();
    for (int i = 0; i < actions.size(); i++) {
      NearAction a = actions.get(i);
      value = value.add(a.deposit());
      if (a.deletesAccount()) {
        recipients.add(
            new Recipient(a.beneficiaryId(), "transaction.actions[" + i + "].beneficiaryId"));
      }
    }
    return new SigningRequest(
        PayloadKind.NEAR_TRANSACTION,
        Chain.NEAR,
        Optional.empty(),
        Optional.empty(),
        recipients,
        List.of(),
        value,
        "transaction.actions",
        tx.bytes());
  }

  /**
   * A Tron transaction: the TRX recipient of a transfer or the contract a call runs (as an EVM
   * transaction's {@code to}) and, for a TRC-20 {@code transfer}, the token's recipient too; the
   * value is the sun leaving the wallet (token amounts are in the token's units, not counted). Node
   * 2 recomputes the txid, SHA-256 of {@code rawData}.
   */
  public static SigningRequest tron(TronTransaction tx, byte[] rawData) {
    String contract = "transaction.contract[0].parameter.value.";
    List<Recipient> recipients = new ArrayList<>();
    TronContract c = tx.contract();
    recipients.add(
        new Recipient(
            c.recipient(),
            contract + (c instanceof TronContract.Call ? "contract_address" : "to_address")));
    tx.tokenTransfer().ifPresent(t -> recipients.add(new Recipient(t.to(), contract + "data")));
    return new SigningRequest(
        PayloadKind.TRON_TRANSACTION,
        Chain.TRON,
        Optional.empty(),
        Optional.empty(),
        recipients,
        List.of(),
        BigInteger.valueOf(c.sun()),
        contract + (c instanceof TronContract.Call ? "call_value" : "amount"),
        rawData);
  }
}
