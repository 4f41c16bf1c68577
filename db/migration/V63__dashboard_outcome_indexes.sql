-- Issue 14 (decision 0055): the outcome indicators at 1,000,000 cases. Indexes on the owners' tables (an
-- index crosses no module boundary): the dashboard finds the period's rows by time, reading only the index,
-- instead of reading every goal's or cell's whole history.

-- Goals attained: the evaluations of the period, with what the indicator counts.
create index plan_goal_evaluation_period on plan_goal_evaluation (evaluated_at)
    include (case_id, goal_id, leefgebied, attainment);

-- Self-sufficiency change: the scores given in the period, and a cell's scores in order (one probe each for
-- its first and its latest).
create index leefgebied_assessment_scored_period on leefgebied_assessment (assessed_at)
    include (case_id, member_id, leefgebied, score, seq) where score is not null;
create index leefgebied_assessment_scored_cell on leefgebied_assessment (case_id, member_id, leefgebied, seq)
    include (score) where score is not null;

-- Involvement and one regisseur: organisations, professionals and casusregisseurs per case whose support
-- ended, counted once per case by DashboardAggregates for the closed days up to
-- dashboard_aggregate_state.through_day (as the counts per day of V58); the calls count the cases ended
-- after that live. Why a per-case fact: the counts look into
-- seven owners' histories per case, about 0.2 ms a case, and every case ended in the period must be counted
-- (15 s for all teams over 90 days at 1 M). Owned by the dashboard; no personal data, only counts.
create table dashboard_case_involvement (
    case_id       uuid                     primary key,
    team_id       varchar(64)              not null,
    wijk_id       varchar(64)              not null,
    closed_at     timestamp with time zone not null,
    organisations integer                  not null,
    professionals integer                  not null,
    -- casusregisseurs in the plan phase (one regisseur); null when the case had no plan phase
    regisseurs    integer
);
create index dashboard_case_involvement_closed on dashboard_case_involvement (closed_at)
    include (team_id, wijk_id, organisations, professionals, regisseurs);
create index dashboard_case_involvement_team on dashboard_case_involvement (team_id, closed_at)
    include (wijk_id, organisations, professionals, regisseurs);
