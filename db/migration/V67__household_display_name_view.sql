-- Issue 14 (decision 0061): the werkbak page shows each task's household by name. Route reads the names in the
-- same statement as the tasks and their cases, through this view, instead of asking household's API for the
-- household entities with their wijk and team (one statement and entity loading less per werkbak page).
-- household: a household's display name (HouseholdReadModels.DISPLAY_NAME_VIEW); read by route only.
create view household_display_name_view as
select id, display_name from household;
