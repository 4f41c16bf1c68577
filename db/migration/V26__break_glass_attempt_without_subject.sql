-- A break-the-glass by BSN that matches no household is recorded for the privacy officer's review like a
-- grant, but names no case (see docs/decisions/0021-break-the-glass.md). It opens nothing: CaseScope
-- matches grants on case_id, which is null here.
alter table break_glass_access alter column case_id drop not null;
