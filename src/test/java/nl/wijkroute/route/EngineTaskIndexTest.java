package nl.wijkroute.route;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nl.wijkroute.support.ApiTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The engine's lookup of a task's subtasks, made on every completion, finds them through an index when many tasks
 * are open (V69, decision 0063): Camunda's own schema has none on PARENT_TASK_ID_, so it read every open task of
 * the installation. Filled in a transaction that is rolled back: the shared test database stays as it was.
 */
class EngineTaskIndexTest extends ApiTestSupport {

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void theSubtasksOfACompletedTaskAreFoundThroughAnIndexAmongManyOpenTasks() {
        TransactionTemplate rolledBack = new TransactionTemplate(transactions);
        rolledBack.executeWithoutResult(status -> {
            status.setRollbackOnly();
            // 20,000 open tasks (standalone: no execution), one in a hundred a subtask of another.
            jdbc.update("""
                    insert into ACT_RU_TASK (ID_, REV_, NAME_, PRIORITY_, CREATE_TIME_, SUSPENSION_STATE_, PARENT_TASK_ID_)
                    select 'index-test-' || n, 1, 'Taak', 50, now(), 1,
                           case when n % 100 = 0 then 'index-test-' || (n - 1) end
                    from generate_series(1, 20000) n""");
            jdbc.execute("analyze ACT_RU_TASK");
            // The engine's statement (TaskEntity#getSubTasks, mapping selectTasksByParentTaskId).
            List<String> plan = jdbc.queryForList("explain select * from ACT_RU_TASK where PARENT_TASK_ID_ = 'index-test-99'",
                    String.class);
            assertThat(String.join("\n", plan)).as(String.join("\n", plan)).contains("wijkroute_task_parent")
                    .doesNotContain("Seq Scan");
        });
    }
}
