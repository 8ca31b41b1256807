package org.planbok.node2.secrets.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.planbok.node2.tickets.entity.Operation;

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
    assertEquals("pin", SubjectKind.CUSTOMER.unlockPurpose());
    assertEquals("org-secret", SubjectKind.ORGANIZATION.unlockPurpose());
    assertFalse(SubjectKind.CUSTOMER.has("org-secret"));
    assertFalse(SubjectKind.ORGANIZATION.has("pin"));
    assertFalse(SubjectKind.ORGANIZATION.has("questions"));
    assertTrue(SubjectKind.CUSTOMER.isRecovery("email"));
  }

  @Test
  void theUnlockPurposeBuysKeyOperationsAndEnrollments() {
    SubjectKind c = SubjectKind.CUSTOMER;
    for (Operation op :
        new Operation[] {Operation.SIGN, Operation.EXPORT, Operation.REFRESH, Operation.KEYGEN}) {
      assertTrue(c.mayRedeem("pin", op, "any-key"), op.name());
      assertTrue(SubjectKind.ORGANIZATION.mayRedeem("org-secret", op, "any-key"), op.name());
      assertFalse(c.mayRedeem("questions", op, "any-key"), op.name());
      assertFalse(c.mayRedeem("email", op, "any-key"), op.name());
      assertFalse(c.mayRedeem("org-secret", op, "any-key"), op.name());
      assertFalse(SubjectKind.ORGANIZATION.mayRedeem("pin", op, "any-key"), op.name());
    }
    for (String purpose : new String[] {"pin", "questions", "email"}) {
      assertTrue(c.mayRedeem("pin", Operation.ENROLL, purpose), purpose);
    }
    assertFalse(c.mayRedeem("pin", Operation.ENROLL, "org-secret"));
    assertTrue(c.mayRedeem("pin", Operation.CANCEL_RECOVERY, "email"));
    assertFalse(c.mayRedeem("pin", Operation.CANCEL_RECOVERY, "pin"));
  }

  @Test
  void aRecoveryPurposeBuysOnlyANewPin() {
    SubjectKind c = SubjectKind.CUSTOMER;
    assertTrue(c.mayRedeem("questions", Operation.ENROLL, "pin"));
    assertTrue(c.mayRedeem("email", Operation.ENROLL, "pin"));
    assertFalse(c.mayRedeem("questions", Operation.ENROLL, "questions"));
    assertFalse(c.mayRedeem("questions", Operation.ENROLL, "email"));
    assertFalse(c.mayRedeem("email", Operation.CANCEL_RECOVERY, "email"));
  }
}
