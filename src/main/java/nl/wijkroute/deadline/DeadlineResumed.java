package nl.wijkroute.deadline;

import java.util.UUID;

/**
 * A suspended legal term runs again with a later end: the process that waits for it (toegang's timers)
 * resumes and waits for the new moments. Published in the resuming transaction; the toegang module reacts.
 */
public record DeadlineResumed(UUID toegangRequestId, DeadlineService.TimerDates dates) {
}
