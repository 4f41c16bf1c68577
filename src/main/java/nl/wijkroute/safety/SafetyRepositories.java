package nl.wijkroute.safety;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.repository.Repository;

/** Meldcode entries are only added and read. */
interface MeldcodeEntryRepository extends Repository<MeldcodeEntry, Long> {

    MeldcodeEntry save(MeldcodeEntry entry);

    List<MeldcodeEntry> findByCaseIdOrderByIdAsc(UUID caseId);

    Optional<MeldcodeEntry> findFirstByCaseIdAndStepOrderByIdDesc(UUID caseId, MeldcodeStep step);
}

interface VeiligheidsplanRepository extends JpaRepository<Veiligheidsplan, UUID> {

    Optional<Veiligheidsplan> findByCaseId(UUID caseId);

    boolean existsByCaseId(UUID caseId);
}

/** Versions are only added and read. */
interface VeiligheidsplanVersionRepository extends Repository<VeiligheidsplanVersion, VeiligheidsplanVersion.Key> {

    VeiligheidsplanVersion saveAndFlush(VeiligheidsplanVersion version);

    Optional<VeiligheidsplanVersion> findByPlanIdAndNumber(UUID planId, int number);

    List<VeiligheidsplanVersion> findByPlanIdOrderByNumberAsc(UUID planId);
}
