package nl.wijkroute.toegang;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface BezwaarRepository extends JpaRepository<Bezwaar, UUID> {

    Optional<Bezwaar> findByToegangRequestId(UUID toegangRequestId);
}
