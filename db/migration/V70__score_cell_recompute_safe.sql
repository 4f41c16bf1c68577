-- Decision 0062, after review: the fact leefgebied_score_cell (V68) follows every change of the scores.
-- 1. Two corrections of one cell at the same time: the second's delete found nothing (the first had deleted and
--    inserted it again) and its plain insert then failed on the first's committed row. The recompute now
--    overwrites the row it finds: its select already sees the latest committed scores of the cell.
create or replace function leefgebied_score_cell_recompute(p_case uuid, p_member uuid, p_leefgebied varchar) returns void
    language sql as $$
    delete from leefgebied_score_cell where case_id = p_case and member_id = p_member and leefgebied = p_leefgebied;
    insert into leefgebied_score_cell as c (case_id, member_id, leefgebied, first_score, first_seq, latest_score,
                                            latest_seq, latest_at, scores)
    select case_id, member_id, leefgebied,
           (array_agg(score order by seq))[1], min(seq),
           (array_agg(score order by seq desc))[1], max(seq),
           (array_agg(assessed_at order by seq desc))[1], count(*)
    from leefgebied_assessment
    where case_id = p_case and member_id = p_member and leefgebied = p_leefgebied and score is not null
    group by case_id, member_id, leefgebied
    on conflict (case_id, member_id, leefgebied) do update set
        first_score = excluded.first_score, first_seq = excluded.first_seq, latest_score = excluded.latest_score,
        latest_seq = excluded.latest_seq, latest_at = excluded.latest_at, scores = excluded.scores;
$$;

-- 2. "update … set seq = default" (the one change an always-identity column allows) makes a score the latest of its
--    cell: it recomputes the cell too.
drop trigger leefgebied_assessment_changes_score_cell on leefgebied_assessment;
create trigger leefgebied_assessment_changes_score_cell
    after update of case_id, member_id, leefgebied, score, assessed_at, seq or delete on leefgebied_assessment
    for each row execute function leefgebied_score_cell_change();

-- 3. Emptying the scores (TRUNCATE fires no row trigger) empties the cells with them, instead of leaving every cell
--    counted by the dashboard.
create function leefgebied_score_cell_truncated() returns trigger language plpgsql as $$
begin
    truncate leefgebied_score_cell;
    return null;
end;
$$;
create trigger leefgebied_assessment_truncated_empties_score_cells
    after truncate on leefgebied_assessment
    for each statement execute function leefgebied_score_cell_truncated();
