-- Issue 14 (decision 0055): counts per day kept by the dashboard, so work in progress at a past moment
-- and the flow over long periods read a few hundred rows per day instead of every stay, signal and
-- case of the period. Owned by the dashboard (only it reads or writes these tables); filled by
-- DashboardAggregates from the owners' reporting views (V57) for closed days only, up to
-- dashboard_aggregate_state.through_day; the calls compute the days after that live. Days are calendar
-- days in the time zone recorded in the state row (the database session's, as the flow's periods are).

create table dashboard_aggregate_state (
    id           boolean     primary key default true check (id),
    through_day  date        not null,
    time_zone    text        not null,
    refreshed_at timestamptz not null
);

-- Per day, team, wijk and route step on which a stay began or ended: how many began, how many ended,
-- and how many were open at the end of the day. The open count at the end of any day is that of the
-- latest row on or before it (one index probe per team, wijk and stage, listed in dashboard_stage_key).
create table dashboard_stage_day (
    team_id     varchar(64) not null,
    wijk_id     varchar(64) not null,
    stage       varchar(32) not null,
    day         date        not null,
    entered     integer     not null,
    left_count  integer     not null,
    open_at_end integer     not null,
    primary key (team_id, wijk_id, stage, day)
);
create index dashboard_stage_day_day on dashboard_stage_day (day);

create table dashboard_stage_key (
    team_id varchar(64) not null,
    wijk_id varchar(64) not null,
    stage   varchar(32) not null,
    primary key (team_id, wijk_id, stage)
);

-- Per day, team and wijk: signals by source, cases started, cases whose support ended.
create table dashboard_flow_day (
    day             date        not null,
    team_id         varchar(64) not null,
    wijk_id         varchar(64) not null,
    partner         integer     not null,
    resident        integer     not null,
    frontoffice     integer     not null,
    own_observation integer     not null,
    started         integer     not null,
    ended           integer     not null,
    primary key (day, team_id, wijk_id)
);
create index dashboard_flow_day_team on dashboard_flow_day (team_id, day);
