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
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.wijkroute.privacy.access.CaseAccess;
import nl.wijkroute.system.problem.ProblemWriter;
import nl.wijkroute.system.security.Roles;
import org.camunda.bpm.engine.HistoryService;
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
 * business key of the instance's root (a sub-process such as escalatie or warme overdracht has a key of its own; NEN
 * 7513, decision 0042). The instances are read from the call as the engine reads it: the path
 * ({@code process-instance/{id}}, {@code variable-instance/{id}}), and the filter ({@code processInstanceId},
 * {@code processInstanceIdIn}, {@code processInstanceIds}, {@code variableInstanceId}, the business-key filters) from
 * the URL of a GET, or from the JSON body of a POST query only (the engine ignores a POST's URL filters).
 * Variable values are shown only for instances that are all a case's: any other value query is refused, and so is a
 * path the engine would decode differently from this filter ('%'), a like on business keys, and an oversized body.
 * Job retries are checked here too (at least 1): the webapp's REST has no hook of ours.
 */
class CockpitAccessLog extends OncePerRequestFilter {

    private static final String ENGINE = "/camunda/api/engine/engine/[^/]+/";
    private static final Pattern INSTANCE = Pattern.compile(
            "/camunda/api/(?:engine/engine/[^/]+/(?:history/)?|cockpit/plugin/base/[^/]+/)process-instance/([^/]+)(?:/.*)?");
    private static final Pattern INSTANCE_VARIABLES = Pattern.compile(ENGINE + "(?:history/)?process-instance/[^/]+/variables(?:/.*)?");
    private static final Pattern VARIABLE = Pattern.compile(ENGINE + "(?:history/)?variable-instance/(?!count/?$)([^/]+)(?:/.*)?");
    private static final Pattern VALUE_QUERY = Pattern.compile(ENGINE + "(?:variable-instance|history/variable-instance|history/detail)/?");
    private static final Pattern RETRIES = Pattern.compile(ENGINE + "(?:job/[^/]+/retries|job-definition/[^/]+/retries|job/retries)/?");
    private static final List<String> INSTANCE_FILTERS = List.of("processInstanceId", "processInstanceIdIn", "processInstanceIds");
    private static final List<String> BUSINESS_KEY_FILTERS = List.of("processInstanceBusinessKey", "businessKey",
            "processInstanceBusinessKeyIn", "businessKeyIn");
    private static final String VARIABLE_FILTER = "variableInstanceId";
    /** Cockpit's query bodies are small; a larger one is refused rather than passed on unread. */
    static final int MAX_BODY = 256 * 1024;

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
        String uri = request.getRequestURI();
        if (uri.indexOf('%') >= 0 || uri.indexOf(';') >= 0) {
            // JAX-RS decodes path parameters, these patterns do not: engine ids and keys never need encoding.
            problems.write(response, HttpStatus.BAD_REQUEST, "Een pad naar de engine heeft geen codering (%) of parameters (;).");
            return;
        }
        String path = uri.substring(request.getContextPath().length());
        Set<String> instances = new LinkedHashSet<>();
        Set<String> variables = new LinkedHashSet<>();
        Set<String> businessKeys = new LinkedHashSet<>();
        Matcher instance = INSTANCE.matcher(path);
        if (instance.matches()) {
            instances.add(instance.group(1));
        }
        Matcher variable = VARIABLE.matcher(path);
        if (variable.matches()) {
            variables.add(variable.group(1));
        }
        HttpServletRequest forwarded = request;
        boolean likeOnKeys;
        JsonNode body = null;
        if ("POST".equals(request.getMethod()) || "PUT".equals(request.getMethod())) {
            byte[] bytes = request.getContentLengthLong() > MAX_BODY ? null : request.getInputStream().readNBytes(MAX_BODY + 1);
            if (bytes == null || bytes.length > MAX_BODY) {
                problems.write(response, HttpStatus.PAYLOAD_TOO_LARGE, "Een vraag aan de engine is hooguit 256 kB.");
                return;
            }
            forwarded = new CachedBody(request, bytes);
            JsonNode query = parse(bytes);
            body = query;
            // Camunda's POST queries take their filters from the body only; the URL has paging alone.
            if (query != null) {
                INSTANCE_FILTERS.forEach(name -> addAll(instances, query.get(name)));
                addAll(variables, query.get(VARIABLE_FILTER));
                BUSINESS_KEY_FILTERS.forEach(name -> addAll(businessKeys, query.get(name)));
            }
            likeOnKeys = query != null && likeOnBusinessKey(query);
        } else {
            INSTANCE_FILTERS.forEach(name -> addAll(instances, request.getParameterValues(name)));
            addAll(variables, request.getParameterValues(VARIABLE_FILTER));
            BUSINESS_KEY_FILTERS.forEach(name -> addAll(businessKeys, request.getParameterValues(name)));
            likeOnKeys = request.getParameterMap().keySet().stream().anyMatch(CockpitAccessLog::isLikeOnBusinessKey);
        }
        if (likeOnKeys) {
            problems.write(response, HttpStatus.FORBIDDEN, "Zoeken op een deel van de business key kan niet: "
                    + "elke inzage in een casus wordt gelogd, dus per casus.");
            return;
        }
        if (RETRIES.matcher(path).matches() && !validRetries(body)) {
            problems.writeField(response, "retries", "retries is een geheel getal van minstens 1.");
            return;
        }
        boolean values = VALUE_QUERY.matcher(path).matches() || INSTANCE_VARIABLES.matcher(path).matches()
                || variable.matches();
        if (values && instances.isEmpty() && variables.isEmpty()) {
            problems.write(response, HttpStatus.FORBIDDEN, "Variabelen zijn alleen per procesinstantie op te vragen "
                    + "(processInstanceIdIn of variableInstanceId): elke inzage in een casus wordt gelogd.");
            return;
        }
        boolean resolved = true;
        for (String variableId : variables) {
            // Cockpit names one variable at a time (its value or its history); the engine's query takes one id.
            HistoricVariableInstance found = history.createHistoricVariableInstanceQuery().variableId(variableId)
                    .disableBinaryFetching().disableCustomObjectDeserialization().singleResult();
            if (found != null && found.getProcessInstanceId() != null) {
                instances.add(found.getProcessInstanceId());
            } else {
                resolved = false;
            }
        }
        Set<String> cases = new LinkedHashSet<>(businessKeys);
        if (!instances.isEmpty()) {
            Map<String, String> keys = rootBusinessKeys(instances);
            resolved &= keys.keySet().containsAll(instances) && !keys.containsValue(null);
            keys.values().stream().filter(key -> key != null).forEach(cases::add);
        }
        if (values && !resolved) {
            problems.write(response, HttpStatus.FORBIDDEN, "Variabelen zijn alleen op te vragen van procesinstanties "
                    + "die bij een casus horen: elke inzage in een casus wordt gelogd.");
            return;
        }
        if (!cases.isEmpty()) {
            OidcUser oidc = user.getPrincipal() instanceof OidcUser principal ? principal : null;
            String username = oidc == null ? user.getName() : oidc.getPreferredUsername();
            if (!caseAccess.logOperations(user.getName(), username, cases, values)) {
                problems.write(response, HttpStatus.FORBIDDEN, "Variabelen zijn alleen op te vragen van procesinstanties "
                        + "die bij een casus horen: elke inzage in een casus wordt gelogd.");
                return;
            }
        }
        chain.doFilter(forwarded, response);
    }

    /** Each instance's case: the business key of its root instance (a call activity's instance has a key of its own). */
    private Map<String, String> rootBusinessKeys(Set<String> instances) {
        Map<String, String> roots = new HashMap<>();
        history.createHistoricProcessInstanceQuery().processInstanceIds(instances).list()
                .forEach(found -> roots.put(found.getId(),
                        found.getRootProcessInstanceId() == null ? found.getId() : found.getRootProcessInstanceId()));
        Map<String, String> rootKeys = new HashMap<>();
        if (!roots.isEmpty()) {
            history.createHistoricProcessInstanceQuery().processInstanceIds(new HashSet<>(roots.values())).list()
                    .forEach(root -> rootKeys.put(root.getId(), root.getBusinessKey()));
        }
        Map<String, String> keys = new HashMap<>();
        roots.forEach((id, root) -> keys.put(id, rootKeys.get(root)));
        return keys;
    }

    private JsonNode parse(byte[] body) {
        if (body.length == 0) {
            return null;
        }
        try {
            JsonNode query = json.readTree(body);
            return query != null && query.isObject() ? query : null;
        } catch (IOException e) {
            return null; // not JSON: the engine refuses it, and it names no instance
        }
    }

    /** Operators set a failed job going again (0 to n); stopping a job, a legal term's timer say, is not theirs. */
    private static boolean validRetries(JsonNode body) {
        JsonNode retries = body == null ? null : body.get("retries");
        return retries != null && retries.isIntegralNumber() && retries.canConvertToInt() && retries.intValue() >= 1;
    }

    /** Any field, at any depth (the engine's or-queries), that filters on a part of a business key. */
    private static boolean likeOnBusinessKey(JsonNode node) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (isLikeOnBusinessKey(field.getKey()) || likeOnBusinessKey(field.getValue())) {
                    return true;
                }
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                if (likeOnBusinessKey(element)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isLikeOnBusinessKey(String name) {
        return name.toLowerCase(Locale.ROOT).contains("businesskeylike");
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

        CachedBody(HttpServletRequest request, byte[] bytes) {
            super(request);
            this.bytes = bytes;
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
