package nl.wijkroute.plan;

/** Gateway values after the plan step in the BPMN. */
public enum PlanOutcome { TO_REGIE, BACK_TO_VRAAGVERHELDERING }
