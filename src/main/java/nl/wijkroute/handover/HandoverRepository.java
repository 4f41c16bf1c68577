package nl.wijkroute.handover;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface HandoverRepository extends JpaRepository<Handover, UUID> {

    List<Handover> findByReceiverOrganisationOrderByCreatedAtDesc(String receiverOrganisation);

    List<Handover> findBySenderOrderByCreatedAtDesc(String sender);

    List<Handover> findByCaseIdAndStatus(UUID caseId, Handover.Status status);
}
