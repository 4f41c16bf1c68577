package nl.wijkroute.safety;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface SafetyCheckRepository extends JpaRepository<SafetyCheck, UUID> {

    Page<SafetyCheck> findByCaseId(UUID caseId, Pageable pageable);

    /**
     * The lasting-risk judgement of the case's latest check: one column, without the check's answers (which the entity
     * loads eagerly, a second statement), and a query string, whose SQL Hibernate keeps, where a derived query builds it
     * anew on every call (decision 0071). Asked when a case enters nazorg (how long it stays there).
     */
    @Query("select s.lastingRisk from SafetyCheck s where s.caseId = :caseId order by s.checkedAt desc, s.id desc limit 1")
    Optional<Boolean> latestLastingRisk(UUID caseId);
}
