-- Reference data: the teams and the wijken they serve. Kept in a migration until an admin API for
-- organisations exists (see docs/decisions/0008-reference-data-in-migrations.md).
insert into team (id, name) values
    ('team-noord', 'Wijkteam Noord'),
    ('team-zuid', 'Wijkteam Zuid');

insert into wijk (id, name, team_id) values
    ('noord', 'Noord', 'team-noord'),
    ('centrum', 'Centrum', 'team-noord'),
    ('zuid', 'Zuid', 'team-zuid'),
    ('haven', 'Haven', 'team-zuid');
