package nl.wijkroute.privacy.retention;

import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface ErasureRequestRepository extends JpaRepository<ErasureRequest, UUID> {

    Page<ErasureRequest> findAllBy(Pageable pageable);
}
