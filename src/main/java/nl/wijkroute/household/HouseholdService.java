package nl.wijkroute.household;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.wijkroute.system.problem.InvalidInputException;
import nl.wijkroute.system.problem.NotFoundException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@Service
public class HouseholdService {

    /**
     * First key of the PostgreSQL advisory locks that stand for "a signal is looking up this BSN"
     * (the second key is derived from the BSN, see {@link #BSN_LOCK}).
     */
    private static final int BSN_LOCK_SPACE = 0x4253_4e00;

    /**
     * Takes the lock for one BSN. The key is a peppered hash of the BSN, never the BSN itself: lock keys
     * are visible in pg_locks and in the server log (V30).
     */
    private static final String BSN_LOCK = """
            select pg_advisory_xact_lock(?, ('x' || left(encode(sha256(convert_to(s.value || ?, 'UTF8')), 'hex'), 8))::bit(32)::int)
            from installation_secret s where s.name = 'advisory-lock-pepper'""";

    private final HouseholdRepository households;
    private final WijkRepository wijken;
    private final Clock clock;
    private final JdbcTemplate jdbc;

    HouseholdService(HouseholdRepository households, WijkRepository wijken, Clock clock, JdbcTemplate jdbc) {
        this.households = households;
        this.wijken = wijken;
        this.clock = clock;
        this.jdbc = jdbc;
    }

    /** Whether a team with this id exists (other capabilities name teams, e.g. as a reflection session's scope). */
    @Transactional(readOnly = true)
    public boolean teamExists(String teamId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from team where id = ?)", Boolean.class, teamId));
    }

    /** Whether a wijk with this id exists. */
    @Transactional(readOnly = true)
    public boolean wijkExists(String wijkId) {
        return wijken.existsById(wijkId);
    }

    @Transactional(readOnly = true)
    public Household get(UUID id) {
        return households.findById(id).orElseThrow(() -> new NotFoundException("Huishouden bestaat niet."));
    }

    /** The household a member with this BSN belongs to, if any (break-the-glass finds a case by BSN). */
    @Transactional(readOnly = true)
    public Optional<UUID> householdOfMember(String bsn) {
        return households.findByMemberBsn(bsn).map(Household::getId);
    }

    /** An existing household by id; the field name is used when it does not exist. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Household existing(UUID id, String field) {
        return households.findById(id)
                .orElseThrow(() -> new NotFoundException("Huishouden " + id + " bestaat niet.", field));
    }

    /**
     * The households with these ids, in one statement (their wijk joined for the team): a list shows the
     * household on every row. Ids that do not exist are absent from the map.
     */
    @Transactional(readOnly = true)
    public Map<UUID, HouseholdSummary> summaries(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return households.findSummariesByIdIn(ids).stream()
                .collect(Collectors.toMap(HouseholdSummary::id, Function.identity()));
    }

    /** The household with its members, as household's read model, in one statement (the case file). */
    @Transactional(readOnly = true)
    public HouseholdView view(UUID id) {
        HouseholdView household = HouseholdMemberRow.toView(households.findMemberRowsById(id));
        if (household == null) {
            throw new NotFoundException("Huishouden bestaat niet.");
        }
        return household;
    }

    /**
     * The household's members (never their BSN), oldest first: the household and its members in one statement
     * (a step that checks members reads them once).
     */
    @Transactional(readOnly = true)
    public List<HouseholdView.Member> membersOf(UUID id) {
        return view(id).members();
    }

    /**
     * An existing household a signal is about, locked until the transaction ends: signals for one
     * household are taken one at a time, so each sees the case the previous one opened (decision 0006).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public HouseholdSummary existingForSignal(UUID id, String field) {
        lockForSignal(id);
        return HouseholdSummary.of(existing(id, field));
    }

    /**
     * The household a signal is about: a known member's BSN finds the household it belongs to
     * (so a second door does not create a second household); otherwise a new one is registered.
     * Signals naming the same BSN wait for each other (an advisory lock per BSN, held until commit),
     * so simultaneous first signals register the household once; a known household is returned
     * locked, as by {@link #existingForSignal}.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public HouseholdSummary findOrRegister(NewHousehold data, String fieldPrefix) {
        // Sorted, so two signals naming the same BSNs take their locks in the same order (no deadlock).
        List<String> bsns = data.members().stream()
                .map(NewHousehold.NewMember::bsn)
                .filter(Objects::nonNull)
                .distinct()
                .sorted()
                .toList();
        bsns.forEach(bsn -> jdbc.query(BSN_LOCK, (RowCallbackHandler) row -> { }, BSN_LOCK_SPACE, bsn));
        Optional<Household> known = bsns.stream()
                .map(households::findByMemberBsn)
                .flatMap(Optional::stream)
                .findFirst();
        if (known.isPresent()) {
            lockForSignal(known.get().getId());
            return HouseholdSummary.of(known.get());
        }
        Wijk wijk = wijken.findById(data.wijkId())
                .orElseThrow(() -> new InvalidInputException(fieldPrefix + ".wijk", "Onbekende wijk: " + data.wijkId()));
        Household household = new Household(data.displayName(), wijk, data.postcode(), clock.instant());
        data.members().forEach(m -> household.addMember(m.givenName(), m.familyName(), m.birthDate(), m.bsn()));
        return HouseholdSummary.registered(households.save(household));
    }

    /**
     * Holds the household row until commit. NO KEY UPDATE: it excludes other signals for the household
     * but not the foreign-key checks of rows that merely point at it (signals, steps of other work).
     */
    private void lockForSignal(UUID id) {
        jdbc.query("select id from household where id = ? for no key update", (RowCallbackHandler) row -> { }, id);
    }
}
