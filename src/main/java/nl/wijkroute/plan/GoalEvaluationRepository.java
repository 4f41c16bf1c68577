package nl.wijkroute.plan;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface GoalEvaluationRepository extends JpaRepository<GoalEvaluation, UUID> {
}
