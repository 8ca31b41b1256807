package org.planbok.node2.api.vocabulary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SubjectTest {

  @Test
  void roundTripsACustomerAndAnOrganization() {
    Subject customer = Subject.customer("c1");
    Subject organization = Subject.organization("o1");

    assertEquals("customer:c1", customer.value());
    assertEquals("organization:o1", organization.value());
    assertEquals(customer, Subject.of("customer:c1"));
    assertEquals("c1", customer.id());
    assertEquals(SubjectKind.CUSTOMER, customer.kind());
    assertTrue(organization.isOrganization());
    assertFalse(customer.isOrganization());
  }

  @Test
  void rejectsASubjectWithoutAKnownPrefixOrId() {
    assertThrows(IllegalArgumentException.class, () -> Subject.of("user:1"));
    assertThrows(IllegalArgumentException.class, () -> Subject.of("customer:"));
    assertThrows(IllegalArgumentException.class, () -> Subject.of(""));
    assertThrows(NullPointerException.class, () -> Subject.of(null));
  }

  @Test
  void eachKindHasItsOneUnlockPurpose() {
    assertEquals(Purpose.PIN, SubjectKind.CUSTOMER.unlockPurpose());
    assertEquals(Purpose.ORG_SECRET, SubjectKind.ORGANIZATION.unlockPurpose());
    assertTrue(SubjectKind.CUSTOMER.isRecovery(Purpose.EMAIL));
    assertFalse(SubjectKind.ORGANIZATION.has(Purpose.PIN));
    assertFalse(SubjectKind.CUSTOMER.has(Purpose.ORG_SECRET));
  }

  @Test
  void aRecoveryPurposeBuysOnlyANewPin() {
    SubjectKind customer = SubjectKind.CUSTOMER;

    assertTrue(customer.mayRedeem(Purpose.QUESTIONS, Operation.ENROLL, "pin"));
    assertFalse(customer.mayRedeem(Purpose.QUESTIONS, Operation.ENROLL, "email"));
    assertFalse(customer.mayRedeem(Purpose.EMAIL, Operation.SIGN, "k1"));
    assertTrue(customer.mayRedeem(Purpose.PIN, Operation.SIGN, "k1"));
    assertTrue(customer.mayRedeem(Purpose.PIN, Operation.CANCEL_RECOVERY, "email"));
    assertFalse(customer.mayRedeem(Purpose.PIN, Operation.CANCEL_RECOVERY, "pin"));
    assertFalse(customer.mayRedeem(Purpose.ORG_SECRET, Operation.SIGN, "k1"));
  }
}
