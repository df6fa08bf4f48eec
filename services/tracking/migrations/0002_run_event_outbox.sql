-- Run events waiting to be published to Kafka. A row is written in the transaction that makes
-- the change, so an event is published if and only if the change committed; the relay claims
-- rows for a lease, publishes them and deletes them (at-least-once delivery).
CREATE TABLE run_event_outbox (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  run_id text NOT NULL,
  -- The binary protobuf `flywheel.tracking.v1.RunEvent` (its event_id is a UUID).
  payload bytea NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  -- Set while a relay is publishing the row; an expired lease lets another relay take over.
  claimed_until timestamptz
);
