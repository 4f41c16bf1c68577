package nl.wijkroute.partner;

import java.util.List;
import java.util.Optional;
import nl.wijkroute.household.Areas;
import nl.wijkroute.system.problem.ConflictException;
import nl.wijkroute.system.problem.InvalidInputException;
import nl.wijkroute.system.problem.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import nl.wijkroute.system.paging.PageParams;
import nl.wijkroute.system.paging.PageView;
import org.springframework.data.domain.Sort;

/** The partner organisations: kept by admin, looked up by every capability that names one. */
@Service
public class OrganisationService {

    private final OrganisationRepository organisations;
    private final OrganisationMapper mapper;
    private final Areas areas;

    OrganisationService(OrganisationRepository organisations, OrganisationMapper mapper, Areas areas) {
        this.organisations = organisations;
        this.mapper = mapper;
        this.areas = areas;
    }

    @Transactional(readOnly = true)
    public PageView<OrganisationView> all(PageParams paging) {
        // By name; the id keeps the order stable between pages.
        return PageView.of(organisations.findAllBy(paging.pageable(Sort.by("name").and(Sort.by("id")))).map(mapper::toView));
    }

    @Transactional(readOnly = true)
    public OrganisationView get(String id) {
        return organisations.findById(id).map(mapper::toView)
                .orElseThrow(() -> new NotFoundException("Organisatie " + id + " bestaat niet."));
    }

    /** An active organisation, or a field error naming where the unknown id came from. */
    @Transactional(readOnly = true)
    public OrganisationView requireActive(String id, String field) {
        return organisations.findById(id).filter(Organisation::isActive).map(mapper::toView)
                .orElseThrow(() -> new InvalidInputException(field, "Onbekende of inactieve organisatie: " + id));
    }

    @Transactional(readOnly = true)
    public Optional<OrganisationView> find(String id) {
        return organisations.findById(id).map(mapper::toView);
    }

    @Transactional
    public OrganisationView register(OrganisationRequest request) {
        if (organisations.existsById(request.id())) {
            throw new ConflictException("Organisatie " + request.id() + " bestaat al.");
        }
        if (areas.isTeam(request.id())) {
            // A handover receiver may be a team (V39): an organisation with a team's id would get that team's cases.
            throw new InvalidInputException("id", "Dit id is van een wijkteam; kies een ander id.");
        }
        return mapper.toView(organisations.save(new Organisation(request.id(), request.name(), request.type())));
    }

    @Transactional
    public OrganisationView change(String id, OrganisationRequest request) {
        if (!id.equals(request.id())) {
            throw new InvalidInputException("id", "Het id in het pad en in de inhoud verschillen.");
        }
        Organisation organisation = organisations.findById(id)
                .orElseThrow(() -> new NotFoundException("Organisatie " + id + " bestaat niet."));
        organisation.update(request.name(), request.type(), request.active() == null || request.active());
        return mapper.toView(organisation);
    }

    /** Idempotent registration for reference and demo data. */
    @Transactional
    public void ensure(String id, String name, OrganisationType type) {
        if (!organisations.existsById(id)) {
            organisations.save(new Organisation(id, name, type));
        }
    }
}
