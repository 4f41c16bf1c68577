package nl.wijkroute.handover;

import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface HandoverRepository extends JpaRepository<Handover, UUID> {

    Page<Handover> findByReceiverOrganisation(String receiverOrganisation, Pageable pageable);

    Page<Handover> findBySender(String sender, Pageable pageable);

    List<Handover> findByCaseIdAndStatus(UUID caseId, Handover.Status status);
}
