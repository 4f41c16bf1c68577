package nl.wijkroute.deadline;

import java.util.UUID;

/**
 * A legal term was suspended: the process that waits for it (toegang's timers) pauses. Published in the
 * suspending transaction; the toegang module, which owns the BPMN and its timer ids, reacts.
 */
public record DeadlineSuspended(UUID toegangRequestId) {
}
