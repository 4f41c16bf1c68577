package nl.wijkroute.triage;

/** How fast someone must act; shared by the signal (first impression) and triage (assessment). */
public enum Urgency { LOW, NORMAL, HIGH, CRISIS }
