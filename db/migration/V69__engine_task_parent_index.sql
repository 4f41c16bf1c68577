-- Every task completion asks the engine for the task's subtasks (TaskEntity#delete: "select * from ACT_RU_TASK
-- where PARENT_TASK_ID_ = ?"), and Camunda's own DDL has no index on that column: each completion read every open
-- task of the installation (issue 14, decision 0063). With dozens of municipalities in one installation that is a
-- scan of tens of thousands of rows per completion. Named as ours, not ACT_IDX_*, so an engine upgrade script that
-- adds its own cannot collide with it (two indexes on the column would then be harmless; drop this one).
create index wijkroute_task_parent on ACT_RU_TASK (PARENT_TASK_ID_);
