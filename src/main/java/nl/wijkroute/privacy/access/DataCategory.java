package nl.wijkroute.privacy.access;

/**
 * The kinds of a household's personal data that access is decided and logged for. The matrix in
 * docs/authorization.md says which role may do what with each.
 */
public enum DataCategory {
    /** The casusdossier: household and members, signals, triage. */
    CASE_FILE,
    /** Where the case stands: step, history, tasks. */
    ROUTE,
    /** Vraagverheldering: leefgebieden, self-sufficiency scores, the real question. */
    ASSESSMENT,
    PLAN,
    REGIE,
    /** Warme overdracht: the shared summary and the consent. */
    HANDOVER,
    /** Formal decisions of the municipality and their legal deadlines. */
    TOEGANG,
    ESCALATION,
    /**
     * Safety: the meldcode record and the veiligheidsplan. Only the team that works with the household
     * (and break-the-glass); a partner learns at most that a veiligheidsplan exists (decision 0047).
     */
    SAFETY,
    /** "Is iedereen nu veilig, en hoe weten we dat": the safety checks per member (issue 17); the team only. */
    SAFETY_CHECK,
    /** Who looked at a household: the access log itself, read by the privacy officer or the resident. */
    ACCESS_LOG
}
