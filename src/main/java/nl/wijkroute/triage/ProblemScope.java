package nl.wijkroute.triage;

/** No question for the team, one clear question (enkelvoudig), or problems on several leefgebieden. */
public enum ProblemScope { NONE, SINGLE, MULTIPLE }
