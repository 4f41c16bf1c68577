package nl.wijkroute.route;

import java.util.List;
import java.util.UUID;
import org.springframework.data.repository.Repository;

/** Only save and read: the history is never changed (the database enforces it too). */
interface StepHistoryRepository extends Repository<StepHistoryEntry, Long> {

    StepHistoryEntry save(StepHistoryEntry entry);

    List<StepHistoryEntry> findByCaseIdOrderByMovedAtAscIdAsc(UUID caseId);
}
