-- Issue 14.5: dashboard calls at a million cases (docs/performance.md, dashboard benchmark). The plans
-- spent their time fetching rows from the heap for one or two columns the index did not hold: the case's
-- id and wijk to filter a team (a bitmap heap scan over a twentieth of all cases), the case id of cases
-- closed in a period, a signal's source. With these columns in the indexes the calls read the index alone
-- (PostgreSQL's visibility map, kept by autovacuum, lets it skip the heap).

-- Filtering one team or one wijk: the scope join of deadlines, escalations and handovers, recurrence per wijk.
create index support_case_team_scope on support_case (team_id) include (id, wijk_id);
drop index support_case_team;
create index support_case_wijk_scope on support_case (wijk_id) include (id, team_id);

-- Cases whose support ended in a period, of all teams or one (front door, recurrence, whole-route lead time,
-- flow): with id and the recurrence flag.
create index support_case_closed_scope on support_case (closed_at) include (opened_at, team_id, wijk_id, id, recurred_within_12_months)
    where closed_at is not null;
drop index support_case_closed_covering;
create index support_case_team_closed_scope on support_case (team_id, closed_at) include (opened_at, wijk_id, id, recurred_within_12_months)
    where closed_at is not null;
drop index support_case_team_closed;

-- The business gauge "open cases per step" (every scrape) reads the open cases only.
create index support_case_open_stage on support_case (current_stage) where status <> 'CLOSED';

-- Signals per source in a period (flow).
create index signal_received_source on signal (received_at) include (source_type, team_id, wijk_id);
drop index signal_received;
create index signal_team_received_source on signal (team_id, received_at) include (source_type, wijk_id);
drop index signal_team_received;

-- Legal terms due in a period, and handovers proposed in one.
create index legal_deadline_due on legal_deadline (due_on) include (case_id, toegang_request_id, status, breached);
create index handover_created on handover (created_at) include (case_id, status, decided_at);

-- The law of each term's request (deadlines per law), without visiting the request's row.
create index toegang_request_law on toegang_request (id) include (law);
