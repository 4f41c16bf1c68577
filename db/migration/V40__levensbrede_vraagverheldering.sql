-- Vraagverheldering across all leefgebieden of every member (issue 16, item 3; decision 0045).
-- leefgebied_assessment becomes a history: every score, "niet van toepassing" or "niet besproken" is a new
-- row with the moment it was recorded at (vraagverheldering or evaluatie), so start and latest can be
-- compared. Nothing is overwritten any more, hence no unique (case, member, leefgebied).
alter table leefgebied_assessment drop constraint leefgebied_assessment_once;

alter table leefgebied_assessment
    add column moment varchar(20) not null default 'VRAAGVERHELDERING'
        check (moment in ('VRAAGVERHELDERING', 'EVALUATIE')),
    add column status varchar(24) not null default 'ASSESSED'
        check (status in ('ASSESSED', 'NIET_VAN_TOEPASSING', 'NIET_BESPROKEN')),
    -- Why a leefgebied was not discussed (required by the service); free text, erased with the case file.
    add column reason varchar(2000),
    -- The order of recording, also when two entries carry the same instant (one request records many).
    add column seq bigint generated always as identity,
    alter column score drop not null,
    add constraint leefgebied_assessment_score_iff_assessed check ((status = 'ASSESSED') = (score is not null));

alter table leefgebied_assessment alter column moment drop default, alter column status drop default;

-- The grid and the change per cell read a case's history in this order.
create index leefgebied_assessment_history on leefgebied_assessment (case_id, seq);
