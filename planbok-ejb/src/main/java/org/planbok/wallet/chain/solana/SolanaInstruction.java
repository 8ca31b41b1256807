package org.planbok.wallet.chain.solana;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * One instruction of a {@link SolanaMessage}: its program, its accounts (an account loaded from an
 * address lookup table is {@code null}: only the chain knows it) and its data.
 */
public record SolanaInstruction(byte[] programId, List<byte[]> accounts, byte[] data) {
  /** The System Program, {@code 11111111111111111111111111111111}: 32 zero bytes. */
  public static final byte[] SYSTEM_PROGRAM = new byte[32];

  /** System Program instruction 2, {@code Transfer { lamports: u64 }}. */
  private static final int SYSTEM_TRANSFER = 2;

  public SolanaInstruction {
    programId = programId.clone();
    List<byte[]> copies = new ArrayList<>();
    accounts.forEach(a -> copies.add(a == null ? null : a.clone()));
    accounts = Collections.unmodifiableList(copies);
    data = data.clone();
  }

  @Override
  public byte[] programId() {
    return programId.clone();
  }

  @Override
  public byte[] data() {
    return data.clone();
  }

  /** The program id in base58, as explorers show it. */
  public String programBase58() {
    return org.planbok.mpc.hd.Base58.encode(programId);
  }

  /**
   * A System Program transfer ({@code data = u32 LE 2 ‖ u64 LE lamports}, accounts {@code [from,
   * to]}): its source, destination (null when loaded from a table) and amount.
   */
  public Optional<Transfer> systemTransfer() {
    if (!Arrays.equals(programId, SYSTEM_PROGRAM) || data.length != 12 || accounts.size() < 2) {
      return Optional.empty();
    }
    int tag = (data[0] & 0xff) | (data[1] & 0xff) << 8 | (data[2] & 0xff) << 16 | data[3] << 24;
    if (tag != SYSTEM_TRANSFER) {
      return Optional.empty();
    }
    byte[] le = Arrays.copyOfRange(data, 4, 12);
    byte[] be = new byte[8];
    for (int i = 0; i < 8; i++) {
      be[i] = le[7 - i];
    }
    return Optional.of(new Transfer(accounts.get(0), accounts.get(1), new BigInteger(1, be)));
  }

  /** A transfer of lamports from one account to another. */
  public record Transfer(byte[] from, byte[] to, BigInteger lamports) {}
}
