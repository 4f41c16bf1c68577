-- The werkbak pages a team's open tasks soonest due first (nulls last, then id). With this index
-- PostgreSQL walks the tasks in that order and stops when the page is full, instead of sorting every
-- open task of the team on every request (issue 14: 10,000 open tasks, first page in 50 ms).
create index werkbak_task_due_id on act_ru_task (due_date_, id_);
