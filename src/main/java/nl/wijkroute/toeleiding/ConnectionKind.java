package nl.wijkroute.toeleiding;

/** What a toeleiding connected the household to: a partner from the register, or a named voorziening in the voorliggend veld. */
public enum ConnectionKind { ORGANISATION, VOORZIENING }
