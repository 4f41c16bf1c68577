package nl.wijkroute.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.wijkroute.privacy.access.CaseAccess;
import nl.wijkroute.system.problem.ProblemWriter;
import nl.wijkroute.system.security.Roles;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every Cockpit call that shows a case's process data (a process instance, its variables, its history, its tasks) is
 * an access to that case: one access-log entry per request, purpose "operations", about the case whose id is the
 * instance's business key (NEN 7513, decision 0042). The instances are read from the call itself: the path
 * ({@code process-instance/{id}}, {@code variable-instance/{id}}) or its filter ({@code processInstanceId},
 * {@code processInstanceIdIn}, {@code processInstanceIds}, {@code variableInstanceId}, in the URL or the JSON body of
 * a POST query). Variable values are asked for per instance: a variable query without one of those filters would
 * show the values of every case at once, unlogged, and is refused.
 */
class CockpitAccessLog extends OncePerRequestFilter {

    private static final Pattern INSTANCE = Pattern.compile(
            "/camunda/api/(?:engine/engine/[^/]+/(?:history/)?|cockpit/plugin/base/[^/]+/)process-instance/([^/]+)(?:/.*)?");
    private static final Pattern VARIABLE = Pattern.compile("/camunda/api/engine/engine/[^/]+/(?:history/)?variable-instance/([^/]+)(?:/.*)?");
    private static final Pattern VALUE_QUERY = Pattern.compile(
            "/camunda/api/engine/engine/[^/]+/(?:variable-instance|history/variable-instance|history/detail)/?");
    private static final List<String> INSTANCE_FILTERS = List.of("processInstanceId", "processInstanceIdIn", "processInstanceIds");
    private static final String VARIABLE_FILTER = "variableInstanceId";
    /** Cockpit's query bodies are small; a larger one is not read for ids (and is then no value query). */
    private static final int MAX_BODY = 256 * 1024;

    private final HistoryService history;
    private final CaseAccess caseAccess;
    private final ProblemWriter problems;
    private final ObjectMapper json;

    CockpitAccessLog(HistoryService history, CaseAccess caseAccess, ProblemWriter problems, ObjectMapper json) {
        this.history = history;
        this.caseAccess = caseAccess;
        this.problems = problems;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        boolean operator = user instanceof OAuth2AuthenticationToken && user.getAuthorities().stream()
                .anyMatch(authority -> authority.getAuthority().equals("ROLE_" + Roles.ADMIN));
        if (!operator) {
            // The Cockpit chain refused everyone else before this filter.
            chain.doFilter(request, response);
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Set<String> instances = new LinkedHashSet<>();
        Set<String> variables = new LinkedHashSet<>();
        Matcher instance = INSTANCE.matcher(path);
        if (instance.matches()) {
            instances.add(instance.group(1));
        }
        Matcher variable = VARIABLE.matcher(path);
        if (variable.matches()) {
            variables.add(variable.group(1));
        }
        INSTANCE_FILTERS.forEach(name -> addAll(instances, request.getParameterValues(name)));
        addAll(variables, request.getParameterValues(VARIABLE_FILTER));
        HttpServletRequest forwarded = request;
        if ("POST".equals(request.getMethod()) && request.getContentLength() <= MAX_BODY) {
            CachedBody body = new CachedBody(request);
            forwarded = body;
            readFilters(body.bytes, instances, variables);
        }
        if (VALUE_QUERY.matcher(path).matches() && instances.isEmpty() && variables.isEmpty()) {
            problems.write(response, HttpStatus.FORBIDDEN, "Variabelen zijn alleen per procesinstantie op te vragen "
                    + "(processInstanceIdIn of variableInstanceId): elke inzage in een casus wordt gelogd.");
            return;
        }
        for (String variableId : variables) {
            // Cockpit names one variable at a time (its value or its history); the engine's query takes one id.
            HistoricVariableInstance found = history.createHistoricVariableInstanceQuery().variableId(variableId)
                    .disableBinaryFetching().disableCustomObjectDeserialization().singleResult();
            if (found != null) {
                instances.add(found.getProcessInstanceId());
            }
        }
        instances.remove(null);
        if (!instances.isEmpty()) {
            List<String> cases = history.createHistoricProcessInstanceQuery().processInstanceIds(instances).list().stream()
                    .map(HistoricProcessInstance::getBusinessKey).toList();
            OidcUser oidc = user.getPrincipal() instanceof OidcUser principal ? principal : null;
            caseAccess.logOperations(user.getName(), oidc == null ? user.getName() : oidc.getPreferredUsername(), cases);
        }
        chain.doFilter(forwarded, response);
    }

    private void readFilters(byte[] body, Set<String> instances, Set<String> variables) {
        JsonNode query;
        try {
            query = json.readTree(body);
        } catch (IOException e) {
            return; // not JSON: the engine refuses it, and it names no instance
        }
        if (query == null || !query.isObject()) {
            return;
        }
        INSTANCE_FILTERS.forEach(name -> addAll(instances, query.get(name)));
        addAll(variables, query.get(VARIABLE_FILTER));
    }

    private static void addAll(Set<String> ids, JsonNode value) {
        if (value == null || value.isNull()) {
            return;
        }
        if (value.isArray()) {
            value.forEach(element -> ids.add(element.asText()));
        } else {
            addAll(ids, new String[] {value.asText()});
        }
    }

    private static void addAll(Set<String> ids, String[] values) {
        if (values != null) {
            Arrays.stream(values).flatMap(value -> Arrays.stream(value.split(",")))
                    .map(String::trim).filter(id -> !id.isEmpty()).forEach(ids::add);
        }
    }

    /** The request with its body read once, here, and handed on unchanged to the webapp. */
    private static final class CachedBody extends HttpServletRequestWrapper {

        private final byte[] bytes;

        CachedBody(HttpServletRequest request) throws IOException {
            super(request);
            this.bytes = request.getInputStream().readAllBytes();
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(bytes);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(getInputStream(),
                    encoding == null ? StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(encoding)));
        }
    }
}
