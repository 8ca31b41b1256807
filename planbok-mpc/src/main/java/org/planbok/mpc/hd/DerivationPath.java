package org.planbok.mpc.hd;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A BIP32 path below the joint root, non-hardened only ({@code m/44/60/0/0/5}, each index below
 * 2^31). Hardened steps need the parent private key, which no node has under MPC.
 */
public record DerivationPath(List<Integer> indices) {
  public static final int HARDENED_BIT = 0x80000000;
  public static final int MAX_DEPTH = 255;

  public DerivationPath {
    indices = List.copyOf(indices);
    if (indices.size() > MAX_DEPTH) {
      throw new IllegalArgumentException("a BIP32 path has at most 255 levels");
    }
    for (int i : indices) {
      requireNonHardened(i);
    }
  }

  public static DerivationPath root() {
    return new DerivationPath(List.of());
  }

  public static DerivationPath of(int... indices) {
    List<Integer> list = new ArrayList<>();
    for (int i : indices) {
      list.add(i);
    }
    return new DerivationPath(list);
  }

  /** Parses {@code m/0/1/2}; rejects hardened markers ({@code '}, {@code h}, {@code H}). */
  public static DerivationPath parse(String text) {
    String[] parts = text.trim().split("/", -1);
    if (!parts[0].equals("m")) {
      throw new IllegalArgumentException("a derivation path starts with m");
    }
    List<Integer> list = new ArrayList<>();
    for (int k = 1; k < parts.length; k++) {
      String p = parts[k];
      if (p.endsWith("'") || p.endsWith("h") || p.endsWith("H")) {
        throw hardened(p);
      }
      if (!p.matches("0|[1-9][0-9]{0,9}")) {
        throw new IllegalArgumentException("path index is not a decimal number: " + p);
      }
      long v = Long.parseLong(p);
      if (v >= 1L << 31) {
        throw hardened(p);
      }
      list.add((int) v);
    }
    return new DerivationPath(list);
  }

  static void requireNonHardened(int index) {
    if ((index & HARDENED_BIT) != 0) {
      throw hardened(Integer.toUnsignedString(index));
    }
  }

  private static IllegalArgumentException hardened(String index) {
    return new IllegalArgumentException(
        "hardened index "
            + index
            + " cannot be derived from the joint public key: MPC paths are non-hardened");
  }

  @Override
  public String toString() {
    return indices.stream()
        .map(String::valueOf)
        .collect(Collectors.joining("/", "m" + (indices.isEmpty() ? "" : "/"), ""));
  }
}
