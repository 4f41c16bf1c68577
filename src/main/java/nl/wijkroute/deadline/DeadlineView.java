package nl.wijkroute.deadline;

import java.time.LocalDate;
import java.util.UUID;

/** A legal term as everyone sees it: how many working days are left, and whether it is at risk. */
public record DeadlineView(UUID id, UUID caseId, UUID toegangRequestId, LegalTerm term, String legalBasis,
                           LocalDate receivedOn, LocalDate dueOn, LocalDate warnOn, int workingDaysLeft,
                           int suspendedDays, LocalDate suspendedSince, LegalDeadline.Status status, boolean atRisk,
                           boolean breached, LocalDate metOn, int extendedWeeks) {
}
