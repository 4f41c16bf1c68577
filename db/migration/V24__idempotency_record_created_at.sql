-- Idempotency-Keys are forgotten after their lifetime (wijkroute.idempotency.lifetime, PT72H): the
-- hourly clean-up deletes in batches of the oldest rows, which this index finds without a scan.
create index idempotency_record_created_at on idempotency_record (created_at);
