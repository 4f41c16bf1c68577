package nl.wijkroute.route;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/**
 * An open engine task as the werkbak page and the case file read it by plain SQL (decision 0061): the columns of
 * {@code ACT_RU_TASK} a {@link TaskView} shows, the same values the engine's task entity carries.
 */
record EngineTaskRow(String id, String taskKey, String name, String assignee, Instant created, Instant due) {

    /** The columns {@link #read} expects, in its order, of the task table aliased {@code T}. */
    static final String COLUMNS = "T.ID_, T.TASK_DEF_KEY_, T.NAME_, T.ASSIGNEE_, T.CREATE_TIME_, T.DUE_DATE_";

    /** The task at {@link #COLUMNS}, starting at column {@code first}; null when the task columns are null (no task). */
    static EngineTaskRow read(ResultSet row, int first) throws SQLException {
        String id = row.getString(first);
        return id == null ? null : new EngineTaskRow(id, row.getString(first + 1), row.getString(first + 2),
                row.getString(first + 3), instant(row.getTimestamp(first + 4)), instant(row.getTimestamp(first + 5)));
    }

    TaskView view(UUID caseId, Stage caseStage, String household) {
        return new TaskView(id, taskKey, name, caseId, household, caseStage, assignee,
                RouteTaskService.assigneeName(assignee), created, due);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
