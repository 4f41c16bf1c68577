package nl.wijkroute.dashboard;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.wijkroute.assessment.AssessmentReadModels;
import nl.wijkroute.deadline.DeadlineReadModels;
import nl.wijkroute.escalation.EscalationReadModels;
import nl.wijkroute.handover.HandoverReadModels;
import nl.wijkroute.plan.PlanReadModels;
import nl.wijkroute.regie.RegieReadModels;
import nl.wijkroute.route.RouteReadModels;
import nl.wijkroute.safety.SafetyReadModels;
import nl.wijkroute.signal.SignalReadModels;
import nl.wijkroute.toegang.ToegangReadModels;
import nl.wijkroute.toeleiding.ToeleidingReadModels;
import nl.wijkroute.triage.TriageReadModels;

/**
 * The other modules' data the dashboard reads with SQL: only the views their owners publish for reporting
 * (issue 19, decision 0052), never their tables. The dashboard's statements name a view by a short token in
 * braces ({@code from {case} c}); {@link #sql} puts in the owner's constant, so every view read is one
 * constant of the owner's {@code ReadModels} and a token without a view fails at the first call.
 */
final class ReportingViews {

    private static final Pattern TOKEN = Pattern.compile("\\{([a-z_]+)}");

    private static final Map<String, String> VIEWS = Map.ofEntries(
            Map.entry("case", RouteReadModels.CASE_VIEW),
            Map.entry("stage_stay", RouteReadModels.STAGE_STAY_VIEW),
            Map.entry("step_history", RouteReadModels.STEP_HISTORY_VIEW),
            Map.entry("signal", SignalReadModels.SIGNAL_VIEW),
            Map.entry("triage_safety_concern", TriageReadModels.SAFETY_CONCERN_VIEW),
            Map.entry("legal_term", DeadlineReadModels.LEGAL_TERM_VIEW),
            Map.entry("deadline_suspension", DeadlineReadModels.SUSPENSION_VIEW),
            Map.entry("toegang_request", ToegangReadModels.REQUEST_VIEW),
            Map.entry("bezwaar", ToegangReadModels.BEZWAAR_VIEW),
            Map.entry("escalation", EscalationReadModels.ESCALATION_VIEW),
            Map.entry("handover", HandoverReadModels.HANDOVER_VIEW),
            Map.entry("regie_assignment", RegieReadModels.ASSIGNMENT_VIEW),
            Map.entry("goal_evaluation", PlanReadModels.GOAL_EVALUATION_VIEW),
            Map.entry("plan_version", PlanReadModels.VERSION_VIEW),
            Map.entry("plan_partner_action", PlanReadModels.PARTNER_ACTION_VIEW),
            Map.entry("toeleiding_trace", ToeleidingReadModels.TRACE_VIEW),
            Map.entry("leefgebied_cell", AssessmentReadModels.LEEFGEBIED_CELL_VIEW),
            Map.entry("meldcode_step", SafetyReadModels.MELDCODE_STEP_VIEW));

    private ReportingViews() {
    }

    /** The statement with each {@code {token}} replaced by the name of the owner's view. */
    static String sql(String template) {
        Matcher matcher = TOKEN.matcher(template);
        StringBuilder sql = new StringBuilder();
        while (matcher.find()) {
            String view = VIEWS.get(matcher.group(1));
            if (view == null) {
                throw new IllegalStateException("No reporting view for {" + matcher.group(1) + "}");
            }
            matcher.appendReplacement(sql, view);
        }
        return matcher.appendTail(sql).toString();
    }
}
