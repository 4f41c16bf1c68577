package nl.wijkroute.privacy.retention;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.wijkroute.household.HouseholdService;
import nl.wijkroute.privacy.access.AccessAction;
import nl.wijkroute.privacy.access.CaseAccess;
import nl.wijkroute.privacy.access.DataCategory;
import nl.wijkroute.system.security.CurrentUser;
import nl.wijkroute.system.problem.ConflictException;
import nl.wijkroute.system.problem.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import nl.wijkroute.system.paging.PageParams;
import nl.wijkroute.system.paging.PageView;
import org.springframework.data.domain.Sort;

/**
 * Requests to erase a household's data (AVG art. 17) and the privacy officer's decisions on them. A
 * grant is carried out in the same transaction as the decision, with the same pseudonymisation as the
 * retention job, so the decision and its effect cannot drift apart.
 */
@Service
public class ErasureRequestService {

    private static final Logger log = LoggerFactory.getLogger(ErasureRequestService.class);

    private final ErasureRequestRepository requests;
    private final ErasureRequestMapper mapper;
    private final PersonalDataEraser eraser;
    private final HouseholdService households;
    private final Clock clock;
    private final CaseAccess access;

    ErasureRequestService(ErasureRequestRepository requests, ErasureRequestMapper mapper, PersonalDataEraser eraser,
                          HouseholdService households, Clock clock, CaseAccess access) {
        this.access = access;
        this.requests = requests;
        this.mapper = mapper;
        this.eraser = eraser;
        this.households = households;
        this.clock = clock;
    }

    @Transactional
    public ErasureDtos.ErasureRequestView register(ErasureDtos.NewErasureRequest input, String by) {
        households.existing(input.householdId(), "householdId");
        ErasureRequest request = new ErasureRequest(input.householdId(), input.receivedOn(), input.channel(), by, clock.instant());
        return mapper.toView(requests.saveAndFlush(request));
    }

    @Transactional(readOnly = true)
    public PageView<ErasureDtos.ErasureRequestView> all(PageParams paging) {
        // Newest first; the id keeps the order stable between pages.
        return PageView.of(requests.findAllBy(paging.pageable(Sort.by(Sort.Direction.DESC, "receivedOn", "registeredAt")
                .and(Sort.by("id")))).map(mapper::toView));
    }

    @Transactional(readOnly = true)
    public ErasureDtos.ErasureRequestView get(UUID id) {
        return mapper.toView(request(id));
    }

    /**
     * Records the decision and carries it out. GRANTED erases everything and is possible only when no
     * case of the household is open or in nazorg; PARTLY_GRANTED erases the case files of the closed
     * cases and keeps the toegang decisions, the identity they are about and any running case;
     * REFUSED erases nothing.
     */
    @Transactional
    public ErasureDtos.ErasureRequestView decide(UUID id, ErasureDtos.DecisionInput input, String by) {
        ErasureRequest request = request(id);
        if (request.getStatus() != ErasureRequest.Status.REQUESTED) {
            throw new ConflictException("Over dit verzoek is al besloten (" + request.getStatus() + ").",
                    Map.of("currentVersion", request.getVersion()));
        }
        if (input.expectedVersion() != request.getVersion()) {
            throw new ConflictException("Het verzoek is intussen gewijzigd; haal het opnieuw op.",
                    Map.of("currentVersion", request.getVersion()));
        }
        PersonalDataEraser.HouseholdState household = eraser.lock(request.getHouseholdId())
                .orElseThrow(() -> new IllegalStateException("Erasure request without its household"));
        Instant now = clock.instant();
        ErasureRequest.ErasedScope erased = switch (input.outcome()) {
            case GRANTED -> {
                if (household.supportRunning()) {
                    throw new ConflictException("Het huishouden krijgt nog ondersteuning (casus open of in nazorg). "
                            + "Wijs het verzoek af of wijs het gedeeltelijk toe met een wettelijke uitzondering "
                            + "(AVG art. 17 lid 3 onder b: taak van algemeen belang).");
                }
                if (!household.fullyErased()) {
                    eraser.eraseAll(request.getHouseholdId(), now);
                }
                yield ErasureRequest.ErasedScope.ALL;
            }
            case PARTLY_GRANTED -> {
                eraser.eraseClosedCaseFiles(request.getHouseholdId(), now, !household.supportRunning());
                yield ErasureRequest.ErasedScope.CLOSED_CASE_FILES;
            }
            case REFUSED -> null;
        };
        if (erased != null) {
            // NEN 7513: the erasure is an access too (action DELETE), in the transaction that carries it out.
            CurrentUser.current().ifPresent(user -> access.logOwn(user, request.getHouseholdId(), null,
                    DataCategory.CASE_FILE, AccessAction.DELETE));
        }
        request.decide(input.outcome().status(), input.legalException(), input.explanation(), by, now, erased);
        requests.flush();
        // No ids or text: the log says only that the privacy officer's decision was carried out.
        log.info("Erasure request decided: {}, erased {}", input.outcome(), erased == null ? "nothing" : erased);
        return mapper.toView(request);
    }

    private ErasureRequest request(UUID id) {
        return requests.findById(id).orElseThrow(() -> new NotFoundException("Verwijderverzoek " + id + " bestaat niet."));
    }
}
