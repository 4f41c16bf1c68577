package nl.wijkroute.assessment;

/** When in the route a cell was recorded: the start (vraagverheldering) or a later evaluatie. */
public enum AssessmentMoment { VRAAGVERHELDERING, EVALUATIE }
