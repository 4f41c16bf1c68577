package nl.wijkroute.toeleiding;

/** Short route: connected to a voorziening or partner, or it turned out to need the full route. */
public enum ToeleidingOutcome { CONNECTED, NEEDS_FULL_ROUTE }
