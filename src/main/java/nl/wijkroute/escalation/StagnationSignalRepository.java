package nl.wijkroute.escalation;

import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface StagnationSignalRepository extends JpaRepository<StagnationSignal, UUID> {

    List<StagnationSignal> findByResolvedAtIsNullOrderByRaisedAtAsc();

    Page<StagnationSignal> findByResolvedAtIsNull(Pageable pageable);

    List<StagnationSignal> findByReferenceIdAndResolvedAtIsNull(UUID referenceId);

    List<StagnationSignal> findByCaseIdAndKindAndResolvedAtIsNull(UUID caseId, String kind);

    @org.springframework.data.jpa.repository.Query("""
            select s from StagnationSignal s, nl.wijkroute.route.SupportCase c
            where c.id = s.caseId and s.resolvedAt is null and c.teamId = :teamId
            """)
    Page<StagnationSignal> openForTeam(String teamId, Pageable pageable);
}
