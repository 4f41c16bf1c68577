package nl.wijkroute.signal;

/**
 * The signal module's read models for other modules' SQL (issue 19, decision 0052): PostgreSQL views
 * created in Flyway migrations, one constant per view holding its name. Readers reference the constant so
 * the module dependency is visible; the columns are what the readers need, no free text.
 */
public final class SignalReadModels {

    /**
     * One row per signal: {@code case_id, team_id, wijk_id, source_type, received_at, safety_concern}. Read by the dashboard (flow per source, safety indicators).
     */
    public static final String SIGNAL_VIEW = "signal_signal_view";

    private SignalReadModels() {
    }
}
