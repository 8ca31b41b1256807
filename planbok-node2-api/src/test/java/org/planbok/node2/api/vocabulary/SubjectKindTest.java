package org.planbok.node2.api.vocabulary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class SubjectKindTest {
  @Test
  void theKindComesFromThePrefixFollowedBySomething() {
    assertEquals(Optional.of(SubjectKind.CUSTOMER), SubjectKind.of("customer:7c0e"));
    assertEquals(Optional.of(SubjectKind.ORGANIZATION), SubjectKind.of("organization:5a1d"));
    for (String bad : new String[] {"7c0e", "customer:", "Customer:7c0e", "customer-1", ""}) {
      assertTrue(SubjectKind.of(bad).isEmpty(), bad);
      assertThrows(IllegalArgumentException.class, () -> SubjectKind.require(bad));
    }
    assertTrue(SubjectKind.of(null).isEmpty());
  }

  @Test
  void eachKindHasOneUnlockPurpose() {
    assertEquals(Purpose.PIN, SubjectKind.CUSTOMER.unlockPurpose());
    assertEquals(Purpose.ORG_SECRET, SubjectKind.ORGANIZATION.unlockPurpose());
    assertFalse(SubjectKind.CUSTOMER.has(Purpose.ORG_SECRET));
    assertFalse(SubjectKind.ORGANIZATION.has(Purpose.PIN));
    assertFalse(SubjectKind.ORGANIZATION.has(Purpose.QUESTIONS));
    assertTrue(SubjectKind.CUSTOMER.isRecovery(Purpose.EMAIL));
  }

  @Test
  void theUnlockPurposeBuysKeyOperationsAndEnrollments() {
    SubjectKind c = SubjectKind.CUSTOMER;
    for (Operation op :
        new Operation[] {Operation.SIGN, Operation.EXPORT, Operation.REFRESH, Operation.KEYGEN}) {
      assertTrue(c.mayRedeem(Purpose.PIN, op, "any-key"), op.name());
      assertTrue(SubjectKind.ORGANIZATION.mayRedeem(Purpose.ORG_SECRET, op, "any-key"), op.name());
      assertFalse(c.mayRedeem(Purpose.QUESTIONS, op, "any-key"), op.name());
      assertFalse(c.mayRedeem(Purpose.EMAIL, op, "any-key"), op.name());
      assertFalse(c.mayRedeem(Purpose.ORG_SECRET, op, "any-key"), op.name());
      assertFalse(SubjectKind.ORGANIZATION.mayRedeem(Purpose.PIN, op, "any-key"), op.name());
    }
    for (String purpose : new String[] {"pin", "questions", "email"}) {
      assertTrue(c.mayRedeem(Purpose.PIN, Operation.ENROLL, purpose), purpose);
    }
    assertFalse(c.mayRedeem(Purpose.PIN, Operation.ENROLL, "org-secret"));
    assertTrue(c.mayRedeem(Purpose.PIN, Operation.CANCEL_RECOVERY, "email"));
    assertFalse(c.mayRedeem(Purpose.PIN, Operation.CANCEL_RECOVERY, "pin"));
  }

  @Test
  void aRecoveryPurposeBuysOnlyANewPin() {
    SubjectKind c = SubjectKind.CUSTOMER;
    assertTrue(c.mayRedeem(Purpose.QUESTIONS, Operation.ENROLL, "pin"));
    assertTrue(c.mayRedeem(Purpose.EMAIL, Operation.ENROLL, "pin"));
    assertFalse(c.mayRedeem(Purpose.QUESTIONS, Operation.ENROLL, "questions"));
    assertFalse(c.mayRedeem(Purpose.QUESTIONS, Operation.ENROLL, "email"));
    assertFalse(c.mayRedeem(Purpose.EMAIL, Operation.CANCEL_RECOVERY, "email"));
  }
}
