-- Issue 14 (decision 0062): the outcome indicators self-sufficiency change and safety at 1,000,000 cases.

-- 1. Self-sufficiency change: one row per scored cell (case, member, leefgebied), kept by the assessment
-- module's own trigger, as stage_stay is kept from the step history (V9): whoever inserts a score (the
-- service, the demo generator, a test, a bulk import), the cell follows. The indicator reads the cells whose
-- latest score lies in the period, instead of probing every cell scored in the period for its history
-- (1,060 ms for all teams over 90 days at 1 M, one probe per cell). Only scores count (a cell marked "niet van
-- toepassing" or "niet besproken" is no score); first and latest are by seq, the order of recording, as the
-- indicator and the case file define them. No free text; member_id only to tell one member's cell from another's.
create table leefgebied_score_cell (
    case_id      uuid        not null,
    member_id    uuid        not null,
    leefgebied   varchar(48) not null,
    first_score  smallint    not null,
    first_seq    bigint      not null,
    latest_score smallint    not null,
    latest_seq   bigint      not null,
    -- when the latest score was given: what puts the cell in a period
    latest_at    timestamptz not null,
    scores       integer     not null,
    primary key (case_id, member_id, leefgebied)
);

-- A new score: the cell's first and latest are compared by seq (not by arrival), so concurrent writers to one
-- cell, serialised by the row lock of the upsert, leave the same row whatever their commit order.
create function leefgebied_score_cell_add() returns trigger language plpgsql as $$
begin
    insert into leefgebied_score_cell as c (case_id, member_id, leefgebied, first_score, first_seq, latest_score,
                                            latest_seq, latest_at, scores)
    values (new.case_id, new.member_id, new.leefgebied, new.score, new.seq, new.score, new.seq, new.assessed_at, 1)
    on conflict (case_id, member_id, leefgebied) do update set
        first_score  = case when excluded.first_seq < c.first_seq then excluded.first_score else c.first_score end,
        first_seq    = least(c.first_seq, excluded.first_seq),
        latest_score = case when excluded.latest_seq > c.latest_seq then excluded.latest_score else c.latest_score end,
        latest_at    = case when excluded.latest_seq > c.latest_seq then excluded.latest_at else c.latest_at end,
        latest_seq   = greatest(c.latest_seq, excluded.latest_seq),
        scores       = c.scores + 1;
    return null;
end;
$$;
create trigger leefgebied_assessment_feeds_score_cell
    after insert on leefgebied_assessment
    for each row when (new.score is not null) execute function leefgebied_score_cell_add();

-- The application never changes or removes a score (the history is append-only, decision 0045; erasure
-- blanks only the free text, which fires nothing here). Should a score, its time or its cell be corrected or
-- a row removed by hand, the cells concerned are computed again from their rows, so the fact cannot drift.
create function leefgebied_score_cell_recompute(p_case uuid, p_member uuid, p_leefgebied varchar) returns void
    language sql as $$
    delete from leefgebied_score_cell where case_id = p_case and member_id = p_member and leefgebied = p_leefgebied;
    insert into leefgebied_score_cell (case_id, member_id, leefgebied, first_score, first_seq, latest_score, latest_seq,
                                       latest_at, scores)
    select case_id, member_id, leefgebied,
           (array_agg(score order by seq))[1], min(seq),
           (array_agg(score order by seq desc))[1], max(seq),
           (array_agg(assessed_at order by seq desc))[1], count(*)
    from leefgebied_assessment
    where case_id = p_case and member_id = p_member and leefgebied = p_leefgebied and score is not null
    group by case_id, member_id, leefgebied;
$$;
create function leefgebied_score_cell_change() returns trigger language plpgsql as $$
begin
    perform leefgebied_score_cell_recompute(old.case_id, old.member_id, old.leefgebied);
    if tg_op = 'UPDATE' and (new.case_id, new.member_id, new.leefgebied) is distinct from (old.case_id, old.member_id, old.leefgebied) then
        perform leefgebied_score_cell_recompute(new.case_id, new.member_id, new.leefgebied);
    end if;
    return null;
end;
$$;
create trigger leefgebied_assessment_changes_score_cell
    after update of case_id, member_id, leefgebied, score, assessed_at or delete on leefgebied_assessment
    for each row execute function leefgebied_score_cell_change();

-- The existing scores, set-based (2.4 M scores into 1.2 M cells at the benchmark's million cases).
insert into leefgebied_score_cell (case_id, member_id, leefgebied, first_score, first_seq, latest_score, latest_seq,
                                   latest_at, scores)
select case_id, member_id, leefgebied,
       (array_agg(score order by seq))[1], min(seq),
       (array_agg(score order by seq desc))[1], max(seq),
       (array_agg(assessed_at order by seq desc))[1], count(*)
from leefgebied_assessment
where score is not null
group by case_id, member_id, leefgebied;

-- The cells scored again, by the time of their latest score, with what the indicator counts (index only).
create index leefgebied_score_cell_rescored on leefgebied_score_cell (latest_at)
    include (case_id, leefgebied, first_score, latest_score) where scores >= 2;

-- The dashboard reads the cells, not the scores: the per-score view and V63's two indexes for it go.
drop view assessment_leefgebied_score_view;
drop index leefgebied_assessment_scored_period;
drop index leefgebied_assessment_scored_cell;

-- assessment: per cell scored again or not, first and latest score; no member, no notes.
create view assessment_leefgebied_cell_view as
select case_id, leefgebied, first_score, latest_score, latest_at, scores
from leefgebied_score_cell;

analyze leefgebied_score_cell;

-- 2. Safety: "ever had a safety concern" (a signal or a triage said so) for every open case, and the first
-- meldcode decision per case. The concern's sources were read by a sequential scan of every signal (1.27 M
-- at 1 M cases, 5 % with a concern) and the open cases by their heap; now from partial indexes that hold
-- exactly the rows with a concern, and the open cases from an index that carries the scope.
create index signal_safety_concern on signal (case_id) include (received_at) where safety_concern;
create index triage_assessment_safety_concern on triage_assessment (case_id) include (assessed_at) where safety_concern;
drop index support_case_open_stage;
create index support_case_open_stage on support_case (current_stage) include (id, team_id, wijk_id)
    where status <> 'CLOSED';
-- The period's meldcode decisions (a case counts in the period of its first decision).
create index meldcode_entry_step_done on meldcode_entry (step, done_on) include (case_id);
