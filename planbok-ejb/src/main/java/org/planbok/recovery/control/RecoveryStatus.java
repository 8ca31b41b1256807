package org.planbok.recovery.control;

import java.util.Optional;
import org.planbok.recovery.entity.EmailRecovery;
import org.planbok.recovery.entity.RecoveryProfile;

/**
 * What a customer's recovery looks like: the profile (salt, questions, last recovery), which
 * methods are set up, whether this installation can send mail, and a recovery by email the customer
 * was told about.
 */
public record RecoveryStatus(
    RecoveryProfile profile,
    boolean questionsSet,
    boolean emailSet,
    boolean mailConfigured,
    Optional<EmailRecovery> waiting) {}
