-- Partner organisations and vraagverheldering per household member and leefgebied.

create table organisation (
    id     varchar(64)  primary key,          -- also the 'organisation' claim of its professionals' tokens
    name   varchar(200) not null,
    type   varchar(32)  not null,
    active boolean      not null default true
);

-- Leefgebieden that triage added to those named in the signals.
create table triage_leefgebied (
    triage_id  uuid        not null references triage_assessment (id),
    leefgebied varchar(48) not null,
    primary key (triage_id, leefgebied)
);

-- The zelfredzaamheid of one member on one leefgebied, in the household's own words.
-- One current assessment per case, member and leefgebied: re-assessing replaces it (the step history
-- and the plan versions carry the timeline).
create table leefgebied_assessment (
    id          uuid          primary key,
    case_id     uuid          not null references support_case (id),
    member_id   uuid          not null references household_member (id),
    leefgebied  varchar(48)   not null,
    score       smallint      not null check (score between 1 and 5),
    own_words   varchar(4000),
    strengths   varchar(4000),
    network     varchar(4000),
    assessed_by varchar(100)  not null,
    assessed_at timestamptz   not null,
    version     bigint        not null default 0,
    constraint leefgebied_assessment_once unique (case_id, member_id, leefgebied)
);

-- "De eigenlijke vraag": summarised when vraagverheldering is completed.
create table real_question (
    id          uuid          primary key,
    case_id     uuid          not null references support_case (id),
    question    varchar(4000) not null,
    recorded_by varchar(100)  not null,
    recorded_at timestamptz   not null
);
create index real_question_case on real_question (case_id, recorded_at);
