package org.planbok.mpc.hd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** BIP-0032 test vectors 1–3: every public-derivation step, and xpub serialization. */
class Bip32Test {

  @Test
  void publicDerivationStepsOfTestVectorsOneAndTwo() throws IOException {
    List<String> lines = lines("bip32-public-steps.txt");
    assertEquals(6, lines.size());
    for (String line : lines) {
      String[] f = line.split(" ");
      ExtendedPublicKey parent = ExtendedPublicKey.fromBase58(f[0]);
      ExtendedPublicKey child = Bip32.child(parent, Integer.parseInt(f[1]));
      assertEquals(f[2], child.toBase58(), "child " + f[1] + " of " + f[0]);
      DerivedKey viaPath = Bip32.derive(parent, DerivationPath.of(Integer.parseInt(f[1])));
      assertEquals(f[2], viaPath.key().toBase58());
    }
  }

  @Test
  void xpubsOfAllThreeVectorsRoundTrip() throws IOException {
    for (String xpub : lines("bip32-xpubs.txt")) {
      assertEquals(xpub, ExtendedPublicKey.fromBase58(xpub).toBase58());
    }
  }

  @Test
  void rejectsHardenedIndex() {
    ExtendedPublicKey root =
        ExtendedPublicKey.fromBase58(
            "xpub661MyMwAqRbcEZVB4dScxMAdx6d4nFc9nvyvH3v4gJL378CSRZiYmhRoP7mBy6gSPSCYk6SzXPTf3ND1cZAceL7SfJ1Z3GC8vBgp2epUt13");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Bip32.child(root, 0x80000000));
    assertTrue(e.getMessage().contains("hardened"));
    assertThrows(IllegalArgumentException.class, () -> DerivationPath.parse("m/0'/1"));
    assertThrows(IllegalArgumentException.class, () -> DerivationPath.parse("m/0h"));
    assertThrows(IllegalArgumentException.class, () -> DerivationPath.parse("m/2147483648"));
    assertThrows(IllegalArgumentException.class, () -> DerivationPath.of(-1));
  }

  @Test
  void rejectsMalformedXpub() {
    String good =
        "xpub661MyMwAqRbcFW31YEwpkMuc5THy2PSt5bDMsktWQcFF8syAmRUapSCGu8ED9W6oDMSgv6Zz8idoc4a6mr8BDzTJY47LJhkJ8UB7WEGuduB";
    String badChecksum = good.substring(0, good.length() - 1) + "C";
    assertThrows(IllegalArgumentException.class, () -> ExtendedPublicKey.fromBase58(badChecksum));
    assertThrows(IllegalArgumentException.class, () -> ExtendedPublicKey.fromBase58("xpub0OIl"));
  }

  @Test
  void parsesAndPrintsPaths() {
    assertEquals(List.of(44, 60, 0, 0, 5), DerivationPath.parse("m/44/60/0/0/5").indices());
    assertEquals("m/44/60/0/0/5", DerivationPath.parse("m/44/60/0/0/5").toString());
    assertEquals("m", DerivationPath.root().toString());
  }

  private static List<String> lines(String resource) throws IOException {
    List<String> out = new ArrayList<>();
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(
                Bip32Test.class.getResourceAsStream(resource), StandardCharsets.US_ASCII))) {
      for (String l = in.readLine(); l != null; l = in.readLine()) {
        if (!l.isBlank() && !l.startsWith("#")) {
          out.add(l.trim());
        }
      }
    }
    return out;
  }
}
