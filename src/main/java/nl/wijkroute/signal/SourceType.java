package nl.wijkroute.signal;

/** Which door the signal came through: any door is the right door ("geen verkeerde deur"). */
public enum SourceType { PARTNER, RESIDENT, FRONTOFFICE, OWN_OBSERVATION }
