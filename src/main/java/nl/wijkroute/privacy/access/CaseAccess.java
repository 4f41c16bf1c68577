package nl.wijkroute.privacy.access;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import nl.wijkroute.handover.HandoverReadModels;
import nl.wijkroute.privacy.accesslog.AccessLog;
import nl.wijkroute.privacy.accesslog.AccessLogConsulted;
import nl.wijkroute.privacy.accesslog.AccessLogEntry;
import nl.wijkroute.route.RouteReadModels;
import nl.wijkroute.system.UuidArrays;
import nl.wijkroute.system.problem.NotFoundException;
import nl.wijkroute.toegang.ToegangReadModels;
import nl.wijkroute.system.security.CurrentUser;
import nl.wijkroute.system.security.Roles;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * The one gate to a household's personal data: decides whether the signed-in user may do this with
 * this case (role × data category × scope), and logs the access (NEN 7513) either way.
 *
 * <p>Out of scope answers exactly like a case that does not exist (404), so nobody learns that a
 * household is known to the wijkteam; a role that may never do the thing gets 403, which reveals
 * nothing about any household. Work without a signed-in user (engine jobs, scheduler, demo loader)
 * is the system itself and passes unlogged: it is not an access by a person.
 */
@Component
public class CaseAccess {

    private static final List<String> ROLE_PRECEDENCE = List.of(Roles.PROCESREGISSEUR, Roles.WIJKTEAM, Roles.TOEGANG,
            Roles.PARTNER, Roles.FRONTOFFICE, Roles.PRIVACY, Roles.INWONER, Roles.MANAGER, Roles.ADMIN);

    private static final Map<String, String> PURPOSES = Map.of(
            Roles.FRONTOFFICE, "Toeleiding: registratie en triage van de hulpvraag",
            Roles.WIJKTEAM, "Ondersteuning en casusregie door het eigen wijkteam",
            Roles.PARTNER, "Uitvoering van overgedragen regie of planacties, binnen de toestemming van het huishouden",
            Roles.TOEGANG, "Onderzoek en besluit op een aanvraag (toegang)",
            Roles.PROCESREGISSEUR, "Procesregie op een geëscaleerde casus",
            Roles.INWONER, "Inzage door de inwoner zelf (AVG art. 15)");

    /** The cases, as route publishes them for the gate (decision 0052): the scope condition's {@code c}. */
    private static final String CASES = RouteReadModels.CASE_SCOPE_VIEW;

    private final NamedParameterJdbcTemplate jdbc;
    private final AccessLog accessLog;

    CaseAccess(NamedParameterJdbcTemplate jdbc, AccessLog accessLog) {
        this.jdbc = jdbc;
        this.accessLog = accessLog;
    }

    /** What a granted access returns: the case's household and whether a break-the-glass grant was needed. */
    public record Granted(UUID caseId, UUID householdId, boolean breakGlass) {
    }

    /**
     * Lets the current user do {@code action} on {@code category} of the case, and logs it; otherwise
     * 403 (the role never may) or 404 (not their case, or no such case).
     */
    public Optional<Granted> require(UUID caseId, DataCategory category, AccessAction action) {
        return require(caseId, category, action, () -> notFound(caseId));
    }

    /**
     * As {@link #require(UUID, DataCategory, AccessAction)} for a thing reached by its own id (a
     * toegang request, a deadline, an escalation): out of scope it answers that this thing does not
     * exist, without naming its case.
     */
    public Optional<Granted> require(UUID caseId, DataCategory category, AccessAction action,
                                     Supplier<NotFoundException> notFound) {
        Optional<CurrentUser> current = CurrentUser.current();
        if (current.isEmpty()) {
            return Optional.empty();
        }
        CurrentUser user = current.get();
        if (!allowed(user, category, action)) {
            throw new AccessDeniedException("role may not " + action + " " + category);
        }
        CaseScope scope = CaseScope.of(user);
        Map<String, Object> parameters = scope.parametersWith("caseId", caseId);
        List<Map<String, Object>> rows = jdbc.queryForList("select c.household_id, " + scope.regular() + " as regular, "
                + scope.breakGlass() + " as glass from " + CASES + " c where c.id = :caseId", parameters);
        if (rows.isEmpty()) {
            throw notFound.get();
        }
        UUID householdId = (UUID) rows.get(0).get("household_id");
        boolean regular = Boolean.TRUE.equals(rows.get(0).get("regular"));
        boolean glass = !regular && Boolean.TRUE.equals(rows.get(0).get("glass"));
        if (!regular && !glass) {
            accessLog.recordRefusal(entry(user, householdId, caseId, category, action, AccessLogEntry.Outcome.DENIED, false));
            throw notFound.get();
        }
        accessLog.record(List.of(entry(user, householdId, caseId, category, action, AccessLogEntry.Outcome.GRANTED, glass)));
        return Optional.of(new Granted(caseId, householdId, glass));
    }

    /**
     * As {@link #require(UUID, DataCategory, AccessAction, Supplier)} for toegang work (a request or one
     * of its legal terms): a consulent reads every request of a case in their scope, but changes only
     * those under a law they decide on (token claim {@code laws}). Another law answers as if the thing
     * did not exist, logged as denied. The law is asked for only when the user is a consulent.
     */
    public Optional<Granted> requireToegang(UUID caseId, Supplier<String> law, AccessAction action,
                                            Supplier<NotFoundException> notFound) {
        Optional<CurrentUser> consulent = CurrentUser.current().filter(user -> user.hasRole(Roles.TOEGANG));
        if (action != AccessAction.READ && consulent.isPresent() && !consulent.get().laws().contains(law.get())) {
            householdsOf(List.of(caseId)).forEach((id, householdId) -> accessLog.recordRefusal(
                    entry(consulent.get(), householdId, id, DataCategory.TOEGANG, action, AccessLogEntry.Outcome.DENIED, false)));
            throw notFound.get();
        }
        return require(caseId, DataCategory.TOEGANG, action, notFound);
    }

    /**
     * Refuses the current user one thing inside a case they may otherwise reach (another organisation's
     * plan action, a goal outside the household's consent): logged as denied, answered as not found, so
     * it reads exactly like a thing that does not exist.
     */
    public NotFoundException refuse(UUID caseId, DataCategory category, AccessAction action,
                                    Supplier<NotFoundException> notFound) {
        CurrentUser.current().ifPresent(user -> householdsOf(List.of(caseId)).forEach((id, householdId) -> accessLog
                .recordRefusal(entry(user, householdId, id, category, action, AccessLogEntry.Outcome.DENIED, false))));
        return notFound.get();
    }

    /**
     * Whether the current user may read {@code category} of this case (role and scope, break-the-glass
     * included), without logging anything: to decide what an answer may say about a case, not to show it.
     * Work without a signed-in user (the demo loader, engine jobs) passes, as in {@link #require}.
     */
    public boolean mayRead(UUID caseId, DataCategory category) {
        Optional<CurrentUser> current = CurrentUser.current();
        if (current.isEmpty()) {
            return true;
        }
        if (!allowed(current.get(), category, AccessAction.READ)) {
            return false;
        }
        CaseScope scope = CaseScope.of(current.get());
        Map<String, Object> parameters = scope.parametersWith("caseId", caseId);
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from " + CASES + " c where c.id = :caseId and "
                + scope.condition() + ")", parameters, Boolean.class));
    }

    /** Whether the current user's roles may ever do {@code action} on {@code category} (scope aside): to leave out what they may not see. */
    public boolean allows(DataCategory category, AccessAction action) {
        return CurrentUser.current().map(user -> allowed(user, category, action)).orElse(false);
    }

    /**
     * Logs reads of cases a list query has already limited to the user's scope: one entry for the whole
     * list, naming every household and case it showed (NEN 7513 asks who saw whose data, not one line per row).
     */
    public void logListed(Collection<UUID> caseIds, DataCategory category) {
        logInvolved(caseIds, category, AccessAction.READ);
    }

    /**
     * Logs accesses that a capability granted by its own, narrower rule of involvement (the sender and
     * the receiving organisation of a warme overdracht, the task's candidate group).
     */
    public void logInvolved(Collection<UUID> caseIds, DataCategory category, AccessAction action) {
        Optional<CurrentUser> current = CurrentUser.current();
        if (current.isEmpty() || caseIds.isEmpty()) {
            return;
        }
        CurrentUser user = current.get();
        List<UUID> cases = List.copyOf(new LinkedHashSet<>(caseIds));
        Map<UUID, UUID> households = new HashMap<>();
        // Cases this user sees only through their break-the-glass grant are flagged, in a list as in a single read.
        Set<UUID> byGlass = new HashSet<>();
        householdsAndBreakGlass(user, cases, households, byGlass);
        List<AccessLogEntry> entries = new ArrayList<>();
        List<UUID> regular = cases.stream().filter(caseId -> !byGlass.contains(caseId)).toList();
        List<UUID> glass = cases.stream().filter(byGlass::contains).toList();
        if (!regular.isEmpty()) {
            entries.add(entryAbout(user, regular, households, category, action, false));
        }
        if (!glass.isEmpty()) {
            entries.add(entryAbout(user, glass, households, category, action, true));
        }
        accessLog.record(entries);
    }

    /** One entry about one case, or one entry naming every case (and household) of a list. */
    private static AccessLogEntry entryAbout(CurrentUser user, List<UUID> cases, Map<UUID, UUID> households,
                                             DataCategory category, AccessAction action, boolean breakGlass) {
        if (cases.size() == 1) {
            UUID caseId = cases.get(0);
            return entry(user, households.get(caseId), caseId, category, action, AccessLogEntry.Outcome.GRANTED, breakGlass);
        }
        Set<UUID> householdIds = new LinkedHashSet<>();
        cases.forEach(caseId -> householdIds.add(households.get(caseId)));
        householdIds.remove(null);
        return entry(user, null, null, category, action, AccessLogEntry.Outcome.GRANTED, breakGlass)
                .listing(List.copyOf(householdIds), cases);
    }

    /**
     * The household of each case and, for a user who can break the glass, which cases they reach only
     * through their grant: one statement for both, on every list and every task claim or completion.
     */
    private void householdsAndBreakGlass(CurrentUser user, List<UUID> cases, Map<UUID, UUID> households, Set<UUID> byGlass) {
        boolean canBreakGlass = CaseScope.canBreakGlass(user);
        CaseScope scope = canBreakGlass ? CaseScope.of(user) : null;
        String glass = canBreakGlass ? "(not coalesce(" + scope.regular() + ", false) and " + scope.breakGlass() + ")" : "false";
        // Up to a page of cases (a claim, a completion, a werkbak page) as a fixed list of LISTED_SLOTS ids, the last
        // repeated: with an array parameter PostgreSQL planned this statement anew on every call (its generic plan
        // assumes ten elements, so the custom plan of a shorter list always looked cheaper), which cost more than
        // running it; the same number of slots every time makes the generic plan as cheap (decision 0063).
        boolean slotted = !cases.isEmpty() && cases.size() <= LISTED_SLOTS;
        Object ids = slotted ? slots(cases) : UuidArrays.literal(cases);
        Map<String, Object> parameters = canBreakGlass ? scope.parametersWith("ids", ids) : Map.of("ids", ids);
        jdbc.query("select c.id, c.household_id, " + glass + " as glass from " + CASES + " c where c.id "
                        + (slotted ? "in (:ids)" : "= any(cast(:ids as uuid[]))"),
                parameters, row -> {
                    UUID caseId = (UUID) row.getObject("id");
                    households.put(caseId, (UUID) row.getObject("household_id"));
                    if (row.getBoolean("glass")) {
                        byGlass.add(caseId);
                    }
                });
    }

    /** The ids a list's access check binds one by one: a page's default size (a werkbak page, a page of cases). */
    static final int LISTED_SLOTS = nl.wijkroute.system.paging.PageParams.DEFAULT_SIZE;

    /** The ids, the last repeated up to {@link #LISTED_SLOTS}: the same statement text for every list that fits. */
    private static List<UUID> slots(List<UUID> cases) {
        List<UUID> slots = new ArrayList<>(LISTED_SLOTS);
        slots.addAll(cases);
        while (slots.size() < LISTED_SLOTS) {
            slots.add(cases.get(cases.size() - 1));
        }
        return slots;
    }

    /** Logs the creation of personal data that needs no scope: a new signal about a household. */
    public void logCreated(UUID caseId, UUID householdId, DataCategory category) {
        CurrentUser.current().ifPresent(user -> accessLog.record(List.of(
                entry(user, householdId, caseId, category, AccessAction.CREATE, AccessLogEntry.Outcome.GRANTED, false))));
    }

    /** Logs an access the caller decided itself (the resident's own view, an export). */
    public void logOwn(CurrentUser user, UUID householdId, UUID caseId, DataCategory category, AccessAction action) {
        UUID household = householdId != null || caseId == null ? householdId : householdsOf(List.of(caseId)).get(caseId);
        accessLog.record(List.of(entry(user, household, caseId, category, action, AccessLogEntry.Outcome.GRANTED, false)));
    }

    /** The purpose logged for an operator's look at a case's process data in Cockpit. */
    public static final String OPERATIONS_PURPOSE = "operations";

    /**
     * An operator (role admin) looked at the process data of these process instances in Cockpit: one entry for the
     * request, about the case each instance belongs to (its root instance's business key is the case id, or a toegang
     * request's id). No scope applies: the admin sees the engine whole (decision 0042). Keys that are no case write
     * nothing.
     */
    public void logOperations(String userId, String username, Collection<String> businessKeys) {
        logOperations(userId, username, businessKeys, false);
    }

    /**
     * As {@link #logOperations(String, String, Collection)}; with {@code everyKeyACase} the look is refused instead
     * when one of the keys is no case: a variable's value that belongs to no case the log can name must not be shown
     * unlogged (decision 0042).
     *
     * @return false, and nothing logged, when a key is no case and every key had to be one
     */
    public boolean logOperations(String userId, String username, Collection<String> businessKeys, boolean everyKeyACase) {
        Set<String> distinct = new LinkedHashSet<>(businessKeys);
        List<UUID> keys = distinct.stream().map(CaseAccess::uuidOrNull).filter(key -> key != null).distinct().toList();
        if (keys.size() < distinct.size() && everyKeyACase) {
            return false;
        }
        if (keys.isEmpty()) {
            return !everyKeyACase;
        }
        Map<UUID, UUID> households = new HashMap<>();
        Set<UUID> found = new HashSet<>();
        jdbc.query("""
                select c.id as key, c.id, c.household_id from %1$s c where c.id = any(cast(:ids as uuid[]))
                union select t.id as key, c.id, c.household_id from %2$s t join %1$s c on c.id = t.case_id
                where t.id = any(cast(:ids as uuid[]))""".formatted(RouteReadModels.CASE_SCOPE_VIEW,
                        ToegangReadModels.REQUEST_LAW_VIEW), Map.of("ids", UuidArrays.literal(keys)),
                row -> {
                    found.add((UUID) row.getObject("key"));
                    households.put((UUID) row.getObject("id"), (UUID) row.getObject("household_id"));
                });
        if (everyKeyACase && !found.containsAll(keys)) {
            return false;
        }
        if (households.isEmpty()) {
            return true;
        }
        AccessLogEntry entry = new AccessLogEntry(username, Roles.ADMIN, null, null, null, DataCategory.ROUTE.name(),
                AccessAction.READ.name(), OPERATIONS_PURPOSE, AccessLogEntry.Outcome.GRANTED, false, userId);
        if (households.size() == 1) {
            Map.Entry<UUID, UUID> only = households.entrySet().iterator().next();
            entry = new AccessLogEntry(username, Roles.ADMIN, null, only.getValue(), only.getKey(), DataCategory.ROUTE.name(),
                    AccessAction.READ.name(), OPERATIONS_PURPOSE, AccessLogEntry.Outcome.GRANTED, false, userId);
        } else {
            entry = entry.listing(List.copyOf(new LinkedHashSet<>(households.values())), List.copyOf(households.keySet()));
        }
        accessLog.record(List.of(entry));
        return true;
    }

    private static UUID uuidOrNull(String key) {
        try {
            return key == null ? null : UUID.fromString(key);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Every look at the access log is itself logged: by case, by user or unfiltered it still shows who looked at whom. */
    @EventListener
    void logConsulted(AccessLogConsulted consulted) {
        logOwn(consulted.user(), consulted.householdId(), consulted.caseId(), DataCategory.ACCESS_LOG,
                consulted.export() ? AccessAction.EXPORT : AccessAction.READ);
    }

    /**
     * A break-the-glass attempt whose BSN matched no household: flagged and refused, without a subject
     * (and without the BSN, which the log must not hold).
     */
    public void logBreakGlassWithoutSubject(CurrentUser user) {
        accessLog.record(List.of(entry(user, null, null, DataCategory.CASE_FILE, AccessAction.READ,
                AccessLogEntry.Outcome.DENIED, true)));
    }

    /**
     * What a partner professional may see of a household they are involved with: the leefgebieden the
     * household consented to share with their organisation (accepted warme overdrachten) and their own
     * organisation's actions. Empty for every other role, who see what the matrix gives them in full.
     */
    public Optional<ConsentLimits> consentLimits(UUID caseId) {
        Optional<CurrentUser> current = CurrentUser.current();
        if (current.isEmpty() || !current.get().hasRole(Roles.PARTNER) || Stream.of(Roles.WIJKTEAM, Roles.TOEGANG,
                Roles.PROCESREGISSEUR).anyMatch(current.get()::hasRole)) {
            // Only a role that reads plans in full lifts the partner's limits; a second role without casework does not.
            return Optional.empty();
        }
        String organisation = current.get().organisation();
        List<String> leefgebieden = jdbc.queryForList("""
                select distinct jsonb_array_elements_text(h.consent_leefgebieden) from %s h
                where h.case_id = :caseId and h.receiver_organisation = :organisation and h.status = 'ACCEPTED'"""
                .formatted(HandoverReadModels.INVOLVEMENT_VIEW),
                Map.of("caseId", caseId, "organisation", organisation == null ? "" : organisation), String.class);
        return Optional.of(new ConsentLimits(organisation, Set.copyOf(leefgebieden)));
    }

    /** The consent-limited view of a partner: leefgebied names as stored, and their organisation's id. */
    public record ConsentLimits(String organisation, Set<String> leefgebieden) {
    }

    /** The current user's scope, for list queries; a user without a scope sees nothing. */
    public CaseScope scope() {
        return CurrentUser.current().map(CaseScope::of)
                .orElseThrow(() -> new IllegalStateException("a list of cases is always asked for by a user"));
    }

    public static String primaryRole(CurrentUser user) {
        return ROLE_PRECEDENCE.stream().filter(user::hasRole).findFirst().orElse("onbekend");
    }

    private static boolean allowed(CurrentUser user, DataCategory category, AccessAction action) {
        return user.roles().stream().anyMatch(role -> AccessMatrix.allows(role, category, action));
    }

    private Map<UUID, UUID> householdsOf(Collection<UUID> caseIds) {
        Map<UUID, UUID> households = new HashMap<>();
        jdbc.query("select id, household_id from " + CASES + " where id = any(cast(:ids as uuid[]))",
                Map.of("ids", UuidArrays.literal(caseIds)),
                row -> {
                    households.put((UUID) row.getObject("id"), (UUID) row.getObject("household_id"));
                });
        return households;
    }

    private static AccessLogEntry entry(CurrentUser user, UUID householdId, UUID caseId, DataCategory category,
                                        AccessAction action, AccessLogEntry.Outcome outcome, boolean breakGlass) {
        String role = primaryRole(user);
        String purpose = PURPOSES.getOrDefault(role, "Geen casustaak");
        if (breakGlass) {
            purpose = "Doorbraak (break-the-glass), zie de geregistreerde reden";
        }
        return new AccessLogEntry(user.username(), role, user.actingFor(), householdId, caseId, category.name(), action.name(),
                purpose,
                outcome, breakGlass, user.id());
    }

    private static NotFoundException notFound(UUID caseId) {
        return new NotFoundException("Casus " + caseId + " bestaat niet.");
    }

    /**
     * For data whose very existence must not show to a role that may never see it (the meldcode record, to a
     * partner: decision 0047): the attempt is logged as denied and answered 404, exactly as out of scope.
     */
    public NotFoundException refusedAsNotFound(UUID caseId, DataCategory category, AccessAction action) {
        CurrentUser.current().ifPresent(user -> householdsOf(List.of(caseId)).forEach((id, householdId) ->
                accessLog.recordRefusal(entry(user, householdId, id, category, action, AccessLogEntry.Outcome.DENIED, false))));
        return notFound(caseId);
    }
}
