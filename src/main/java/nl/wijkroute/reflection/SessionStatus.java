package nl.wijkroute.reflection;

/**
 * Where a session stands. The order lives in bpmn/reflectie.bpmn; this copy on the session row is written
 * only by {@link ReflectionDelegates#reflectionStatus} when the engine enters a step.
 */
public enum SessionStatus {
    PLANNED, SCORING, PRIORITISING, CONVERSATION, ACTIONS, CLOSED
}
