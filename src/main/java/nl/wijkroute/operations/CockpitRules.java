package nl.wijkroute.operations;

import java.util.List;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * What the admin's Cockpit session may ask of the engine and the webapp, as an allow-list: everything not listed is
 * refused (decision 0042). With Camunda's authorizations off, the engine REST behind Cockpit would otherwise take any
 * call, writes included: a deployment whose expressions call any Spring bean, a route task completed around the API's
 * checks, changed variables. Reads (GET) are open; of the POSTs only the queries Cockpit sends as POST (by path), and
 * of the writes only job retries, which is what an operator needs after fixing a failed job's cause.
 */
final class CockpitRules {

    private static final String ENGINE = "/camunda/api/engine/engine/*/";
    private static final String PLUGIN = "/camunda/api/cockpit/plugin/base/*/";

    /** Closed even to an admin: the webapp's own login and first-user setup, Tasklist, and the Admin app. */
    static final RequestMatcher CLOSED = any(
            matcher(null, "/camunda/api/admin/setup/**"),
            matcher(HttpMethod.POST, "/camunda/api/admin/auth/user/*/login/**"),
            matcher(null, "/camunda/app/tasklist/**"),
            matcher(null, "/camunda/app/admin/**"),
            matcher(null, "/camunda/api/tasklist/**"),
            // The Admin app's REST; Cockpit reads only who is logged in (GET auth/user) from it.
            matcher(HttpMethod.POST, "/camunda/api/admin/**"),
            matcher(HttpMethod.PUT, "/camunda/api/admin/**"),
            matcher(HttpMethod.DELETE, "/camunda/api/admin/**"),
            matcher(HttpMethod.GET, "/camunda/api/admin/plugin/**"),
            // Variable values Cockpit never reads this way (it queries variable-instance per process instance):
            // a task's, an execution's, a history detail's would show a case's data past the access log.
            matcher(HttpMethod.GET, ENGINE + "task/*/variables/**"),
            matcher(HttpMethod.GET, ENGINE + "task/*/localVariables/**"),
            matcher(HttpMethod.GET, ENGINE + "task/*/form-variables"),
            matcher(HttpMethod.GET, ENGINE + "execution/*/localVariables/**"),
            matcher(HttpMethod.GET, ENGINE + "history/detail/*"),
            matcher(HttpMethod.GET, ENGINE + "history/detail/*/data"));

    /** Queries that Cockpit sends as POST (a filter too long for a URL); they read, the engine changes nothing. */
    static final List<String> POST_QUERIES = List.of(
            ENGINE + "process-instance", ENGINE + "process-instance/count",
            ENGINE + "execution", ENGINE + "execution/count",
            ENGINE + "variable-instance", ENGINE + "variable-instance/count",
            ENGINE + "task", ENGINE + "task/count",
            ENGINE + "job", ENGINE + "job/count",
            ENGINE + "job-definition", ENGINE + "job-definition/count",
            ENGINE + "external-task", ENGINE + "external-task/count",
            ENGINE + "history/process-instance", ENGINE + "history/process-instance/count",
            ENGINE + "history/activity-instance", ENGINE + "history/activity-instance/count",
            ENGINE + "history/variable-instance", ENGINE + "history/variable-instance/count",
            ENGINE + "history/task", ENGINE + "history/task/count",
            ENGINE + "history/detail",
            ENGINE + "history/job-log", ENGINE + "history/job-log/count",
            ENGINE + "history/external-task-log", ENGINE + "history/external-task-log/count",
            PLUGIN + "incident", PLUGIN + "incident/count",
            PLUGIN + "process-instance", PLUGIN + "process-instance/count",
            PLUGIN + "process-instance/*/called-process-instances",
            PLUGIN + "process-definition/*/called-process-definitions");

    /** The only writes: another attempt for a failed job, one job, a job definition's jobs, or a set of jobs. */
    static final RequestMatcher RETRIES = any(
            matcher(HttpMethod.PUT, ENGINE + "job/*/retries"),
            matcher(HttpMethod.PUT, ENGINE + "job-definition/*/retries"),
            matcher(HttpMethod.POST, ENGINE + "job/retries"));

    /** Open to the admin's session; everything else under /camunda is refused. */
    static final RequestMatcher ALLOWED = any(
            matcher(HttpMethod.GET, "/camunda/**"),
            any(POST_QUERIES.stream().map(path -> matcher(HttpMethod.POST, path)).toArray(RequestMatcher[]::new)),
            RETRIES);

    /** Cockpit's logout button (the webapp's REST); the chain ends the Spring and the Keycloak session there. */
    static final RequestMatcher LOGOUT = matcher(HttpMethod.POST, "/camunda/api/admin/auth/user/*/logout");

    private CockpitRules() {
    }

    private static RequestMatcher matcher(HttpMethod method, String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(method, pattern);
    }

    private static RequestMatcher any(RequestMatcher... matchers) {
        return new OrRequestMatcher(matchers);
    }
}
