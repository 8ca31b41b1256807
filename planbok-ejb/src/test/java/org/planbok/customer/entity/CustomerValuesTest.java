package org.planbok.customer.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.planbok.refusal.Refusal;
import org.planbok.refusal.Refused;

class CustomerValuesTest {
  @Test
  void externalRefsUseASafeCharsetOfOneTo128Characters() {
    for (String ok : new String[] {"a", "user-4711", "A.b_c:d@e-f", "x".repeat(128)}) {
      assertEquals(ok, new ExternalRef(ok).value());
    }
    for (String bad :
        new String[] {null, "", "x".repeat(129), "a b", "a/b", "a\u0000", "é", "a\nb", "a?b"}) {
      Refused e = assertThrows(Refused.class, () -> new ExternalRef(bad));
      assertEquals(Refusal.INVALID_INPUT, e.reason());
      assertEquals("externalRef", e.input());
    }
  }

  @Test
  void emailAddressesAreCheckedStrictly() {
    for (String ok :
        new String[] {
          "ada@example.com",
          "a.b+tag@sub.example.co",
          "x@a-b.io",
          "o'neil@example.org",
          "l".repeat(64) + "@" + "d".repeat(63) + ".com"
        }) {
      assertTrue(EmailAddress.isValid(ok), ok);
    }
    String long254 =
        "l".repeat(64)
            + "@"
            + "d".repeat(63)
            + "."
            + "d".repeat(63)
            + "."
            + "d".repeat(57)
            + ".com";
    assertEquals(254, long254.length());
    assertTrue(EmailAddress.isValid(long254));
    for (String bad :
        new String[] {
          null,
          "",
          "plain",
          "@example.com",
          "a@",
          "a@localhost",
          "a@-example.com",
          "a@example-.com",
          "a..b@example.com",
          ".a@example.com",
          "a b@example.com",
          "a@exa mple.com",
          "\"q\"@example.com",
          "a@[127.0.0.1]",
          "é@example.com",
          "a@example.com\n",
          "l".repeat(65) + "@example.com",
          long254.replace(".com", ".coms"),
        }) {
      assertFalse(EmailAddress.isValid(bad), String.valueOf(bad));
    }
    Refused e = assertThrows(Refused.class, () -> new EmailAddress("nope"));
    assertEquals("email", e.input());
  }

  @Test
  void customerIdsAreCanonicalUuidsOnly() {
    assertTrue(CustomerId.parse("7c0e6a8e-2f4b-4c1e-9a51-0c5f3d2b9e11").isPresent());
    assertTrue(CustomerId.parse("1-1-1-1-1").isEmpty());
    assertTrue(CustomerId.parse("7c0e6a8e2f4b4c1e9a510c5f3d2b9e11").isEmpty());
    assertTrue(CustomerId.parse(null).isEmpty());
  }
}
