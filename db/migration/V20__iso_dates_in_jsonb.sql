-- Issue 13.1: instants and dates inside jsonb as ISO-8601 strings. Until now Hibernate's own JSON mapper
-- wrote an Instant as epoch seconds (1796066839.000000000) and a LocalDate as [2027, 3, 1]; the dashboard
-- casts casusoverlegAt to timestamptz and failed. The application now writes ISO strings
-- (system.db.JsonbConfiguration); this converts what is already stored. Only numbers and arrays at the
-- known date keys change; ISO strings are left alone, so running it twice changes nothing.

create function wijkroute_iso_dates(document jsonb, instant_keys text[], date_keys text[]) returns jsonb
    language plpgsql immutable as $$
declare
    result jsonb;
    entry record;
    seconds numeric;
    nanos bigint;
    fraction text;
begin
    if document is null then
        return null;
    elsif jsonb_typeof(document) = 'array' then
        select coalesce(jsonb_agg(wijkroute_iso_dates(element, instant_keys, date_keys) order by position), '[]'::jsonb)
        into result from jsonb_array_elements(document) with ordinality as elements(element, position);
        return result;
    elsif jsonb_typeof(document) <> 'object' then
        return document;
    end if;
    result := '{}'::jsonb;
    for entry in select key, value from jsonb_each(document) loop
        if entry.key = any (instant_keys) and jsonb_typeof(entry.value) = 'number' then
            seconds := entry.value::text::numeric;
            nanos := round((seconds - floor(seconds)) * 1000000000);
            -- As Java's Instant.toString: no fraction for whole seconds, else 3, 6 or 9 digits.
            fraction := case when nanos = 0 then ''
                             when nanos % 1000000 = 0 then '.' || lpad((nanos / 1000000)::text, 3, '0')
                             when nanos % 1000 = 0 then '.' || lpad((nanos / 1000)::text, 6, '0')
                             else '.' || lpad(nanos::text, 9, '0') end;
            result := result || jsonb_build_object(entry.key,
                    to_char(to_timestamp(floor(seconds)::double precision) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS')
                    || fraction || 'Z');
        elsif entry.key = any (date_keys) and jsonb_typeof(entry.value) = 'array' and jsonb_array_length(entry.value) = 3 then
            result := result || jsonb_build_object(entry.key, to_char(make_date((entry.value ->> 0)::int,
                    (entry.value ->> 1)::int, (entry.value ->> 2)::int), 'YYYY-MM-DD'));
        elsif entry.key = any (date_keys) and jsonb_typeof(entry.value) = 'number' then
            -- A date written as epoch days.
            result := result || jsonb_build_object(entry.key,
                    to_char(date '1970-01-01' + (entry.value::text::numeric)::int, 'YYYY-MM-DD'));
        else
            result := result || jsonb_build_object(entry.key, wijkroute_iso_dates(entry.value, instant_keys, date_keys));
        end if;
    end loop;
    return result;
end;
$$;

-- plan_version is immutable for the application (trigger); this one rewrite of its format is not a change of content.
alter table plan_version disable trigger plan_version_immutable;
update plan_version
set content = wijkroute_iso_dates(content, array['agreedAt'], array['targetDate'])
where content is distinct from wijkroute_iso_dates(content, array['agreedAt'], array['targetDate']);
alter table plan_version enable trigger plan_version_immutable;

update handover
set summary = wijkroute_iso_dates(summary, array[]::text[], array['targetDate']),
    consent = wijkroute_iso_dates(consent, array['givenAt'], array[]::text[])
where summary is distinct from wijkroute_iso_dates(summary, array[]::text[], array['targetDate'])
   or consent is distinct from wijkroute_iso_dates(consent, array['givenAt'], array[]::text[]);

update escalation
set doorbraak = wijkroute_iso_dates(doorbraak, array['casusoverlegAt'], array['payUntil', 'followUpBefore'])
where doorbraak is distinct from wijkroute_iso_dates(doorbraak, array['casusoverlegAt'], array['payUntil', 'followUpBefore']);

drop function wijkroute_iso_dates(jsonb, text[], text[]);
