-- Issue 14, decision 0064: safety for one team at 1,000,000 cases. The open cases' index of V68 (key
-- current_stage, carrying id, team_id and wijk_id) is read whole for one team too: 258,000 entries for the team's
-- 13,000 open cases, intersected with the team's cases as a bitmap and then read from the heap. With team and wijk
-- in the key, one team (or one team and wijk) is one index range, read from the index alone. All teams and the
-- business gauge (open cases per step) read the whole partial index as before and group the stages by hash.
-- Replaces the index, so every move of a case still writes as many index entries as before.
-- Run time on the benchmark's 1 M database: see decision 0064 (a build over 258,000 open cases).
-- Roll out with the previous release's instances stopped (decision 0064, operations.md): its dashboard refresh would
-- write counts per day without the stays' durations below, and this migration holds the cases' and stays' locks. Each
-- lock is waited for 10 s at most (a long transaction on a table makes the migration fail, not queue every request
-- behind it). The old index is dropped last, so the cases' strongest lock is held only for the commit.
set local lock_timeout = '10s';
create index support_case_open_scope on support_case (team_id, wijk_id, current_stage) include (id)
    where status <> 'CLOSED';

-- Lead times for all teams (decision 0064): medians and 80th percentiles of the durations of every stay that ended
-- in the period (640,000 over 90 days at 1 M cases), which the call read and sorted per stage on every click. Counts
-- cannot give a median exactly, but they can say where it lies: the dashboard keeps, per day a stay ended, stage and
-- duration bucket, how many stays (dashboard_stay_duration_day, with its counts per day of V58: closed days only,
-- the rest live). The call adds up the period's counts per bucket, finds the bucket of each row a percentile needs,
-- and reads that row's exact duration from the stays of the period in that bucket alone (an index range of a few
-- thousand entries), then interpolates as percentile_cont does. So the answer is the sorted one's.

-- The bucket of a duration in seconds: 455 bounds, 0, 1 and then 5 % apart up to 126 years (width_bucket: below 0 is
-- bucket 0). Written out, so the bounds are the same on every server and in every index.
create function dashboard_duration_bucket(seconds double precision) returns integer
    language sql immutable strict parallel safe
    as $$ select width_bucket(seconds, '{
      0,1,1.05,1.103,1.158,1.216,1.276,1.34,1.407,1.477,1.551,1.629,1.71,1.796,1.886,1.98,2.079,2.183,2.292,2.407,
      2.527,2.653,2.786,2.925,3.072,3.225,3.386,3.556,3.733,3.92,4.116,4.322,4.538,4.765,5.003,5.253,5.516,5.792,
      6.081,6.385,6.705,7.04,7.392,7.762,8.15,8.557,8.985,9.434,9.906,10.4,10.92,11.47,12.04,12.64,13.27,13.94,
      14.64,15.37,16.14,16.94,17.79,18.68,19.61,20.59,21.62,22.7,23.84,25.03,26.28,27.6,28.98,30.43,31.95,33.55,
      35.22,36.98,38.83,40.77,42.81,44.95,47.2,49.56,52.04,54.64,57.37,60.24,63.25,66.42,69.74,73.22,76.89,80.73,
      84.77,89.01,93.46,98.13,103,108.2,113.6,119.3,125.2,131.5,138.1,145,152.2,159.8,167.8,176.2,185,194.3,204,
      214.2,224.9,236.2,248,260.4,273.4,287.1,301.4,316.5,332.3,348.9,366.4,384.7,403.9,424.1,445.3,467.6,491,
      515.5,541.3,568.3,596.8,626.6,657.9,690.8,725.4,761.6,799.7,839.7,881.7,925.8,972.1,1021,1072,1125,1182,1241,
      1303,1368,1436,1508,1583,1663,1746,1833,1925,2021,2122,2228,2339,2456,2579,2708,2844,2986,3135,3292,3456,
      3629,3811,4001,4201,4411,4632,4863,5107,5362,5630,5911,6207,6517,6843,7185,7545,7922,8318,8734,9171,9629,
      1.011e+04,1.062e+04,1.115e+04,1.17e+04,1.229e+04,1.29e+04,1.355e+04,1.423e+04,1.494e+04,1.568e+04,1.647e+04,
      1.729e+04,1.816e+04,1.907e+04,2.002e+04,2.102e+04,2.207e+04,2.317e+04,2.433e+04,2.555e+04,2.683e+04,
      2.817e+04,2.958e+04,3.105e+04,3.261e+04,3.424e+04,3.595e+04,3.775e+04,3.963e+04,4.162e+04,4.37e+04,4.588e+04,
      4.818e+04,5.059e+04,5.311e+04,5.577e+04,5.856e+04,6.149e+04,6.456e+04,6.779e+04,7.118e+04,7.474e+04,
      7.847e+04,8.24e+04,8.652e+04,9.084e+04,9.539e+04,1.002e+05,1.052e+05,1.104e+05,1.159e+05,1.217e+05,1.278e+05,
      1.342e+05,1.409e+05,1.48e+05,1.554e+05,1.631e+05,1.713e+05,1.799e+05,1.889e+05,1.983e+05,2.082e+05,2.186e+05,
      2.296e+05,2.41e+05,2.531e+05,2.657e+05,2.79e+05,2.93e+05,3.076e+05,3.23e+05,3.392e+05,3.561e+05,3.739e+05,
      3.926e+05,4.123e+05,4.329e+05,4.545e+05,4.772e+05,5.011e+05,5.262e+05,5.525e+05,5.801e+05,6.091e+05,
      6.395e+05,6.715e+05,7.051e+05,7.403e+05,7.774e+05,8.162e+05,8.57e+05,8.999e+05,9.449e+05,9.921e+05,1.042e+06,
      1.094e+06,1.149e+06,1.206e+06,1.266e+06,1.33e+06,1.396e+06,1.466e+06,1.539e+06,1.616e+06,1.697e+06,1.782e+06,
      1.871e+06,1.964e+06,2.063e+06,2.166e+06,2.274e+06,2.388e+06,2.507e+06,2.632e+06,2.764e+06,2.902e+06,
      3.047e+06,3.2e+06,3.36e+06,3.528e+06,3.704e+06,3.889e+06,4.084e+06,4.288e+06,4.502e+06,4.727e+06,4.964e+06,
      5.212e+06,5.473e+06,5.746e+06,6.034e+06,6.335e+06,6.652e+06,6.985e+06,7.334e+06,7.701e+06,8.086e+06,8.49e+06,
      8.914e+06,9.36e+06,9.828e+06,1.032e+07,1.084e+07,1.138e+07,1.195e+07,1.254e+07,1.317e+07,1.383e+07,1.452e+07,
      1.525e+07,1.601e+07,1.681e+07,1.765e+07,1.853e+07,1.946e+07,2.043e+07,2.145e+07,2.253e+07,2.365e+07,
      2.484e+07,2.608e+07,2.738e+07,2.875e+07,3.019e+07,3.17e+07,3.328e+07,3.495e+07,3.669e+07,3.853e+07,4.045e+07,
      4.248e+07,4.46e+07,4.683e+07,4.917e+07,5.163e+07,5.421e+07,5.692e+07,5.977e+07,6.276e+07,6.589e+07,6.919e+07,
      7.265e+07,7.628e+07,8.01e+07,8.41e+07,8.831e+07,9.272e+07,9.736e+07,1.022e+08,1.073e+08,1.127e+08,1.183e+08,
      1.243e+08,1.305e+08,1.37e+08,1.438e+08,1.51e+08,1.586e+08,1.665e+08,1.748e+08,1.836e+08,1.928e+08,2.024e+08,
      2.125e+08,2.231e+08,2.343e+08,2.46e+08,2.583e+08,2.712e+08,2.848e+08,2.99e+08,3.14e+08,3.297e+08,3.462e+08,
      3.635e+08,3.817e+08,4.007e+08,4.208e+08,4.418e+08,4.639e+08,4.871e+08,5.114e+08,5.37e+08,5.639e+08,5.921e+08,
      6.217e+08,6.528e+08,6.854e+08,7.197e+08,7.556e+08,7.934e+08,8.331e+08,8.748e+08,9.185e+08,9.644e+08,
      1.013e+09,1.063e+09,1.116e+09,1.172e+09,1.231e+09,1.292e+09,1.357e+09,1.425e+09,1.496e+09,1.571e+09,
      1.649e+09,1.732e+09,1.819e+09,1.909e+09,2.005e+09,2.105e+09,2.21e+09,2.321e+09,2.437e+09,2.559e+09,2.687e+09,
      2.821e+09,2.962e+09,3.11e+09,3.266e+09,3.429e+09,3.601e+09,3.781e+09,3.97e+09}'::double precision[]) $$;

-- The stays that ended, by stage, bucket and time: the rows of one bucket of the period, in order of duration after a
-- sort of that bucket. Ended stays only: a move writes one entry more (the stay it ends), the new open stay none.
create index stage_stay_stage_bucket_left on stage_stay (stage, dashboard_duration_bucket(duration_seconds), left_at)
    include (duration_seconds) where duration_seconds is not null;

-- Owned by the dashboard and kept by DashboardAggregates with the other counts per day (same through_day, refresh and
-- nightly rebuild). bucket -1: a stay that ended without a duration (none is written so; counted, as count(*) does).
create table dashboard_stay_duration_day (
    day    date        not null,
    stage  varchar(32) not null,
    bucket integer     not null,
    stays  integer     not null,
    primary key (day, stage, bucket)
);

-- The counts per day so far were written without these: the calls answer live until the next refresh (within ten
-- minutes), which finds no state and rebuilds every day (about 2.5 min at 1 M cases).
delete from dashboard_aggregate_state;

drop index support_case_open_stage;
