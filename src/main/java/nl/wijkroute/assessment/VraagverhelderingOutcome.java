package nl.wijkroute.assessment;

/** Gateway values after vraagverheldering in the BPMN. */
public enum VraagverhelderingOutcome { TO_PLAN, BACK_TO_TRIAGE }
