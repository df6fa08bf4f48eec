-- Every state change of a run and its steps, appended in the transaction that makes it.
CREATE TABLE run_events (
  id         bigserial   PRIMARY KEY,
  run_id     uuid        NOT NULL REFERENCES runs (id),
  -- The step, or '' for the run's own status.
  step       text        NOT NULL,
  status     text        NOT NULL,
  attempt    integer     NOT NULL,
  message    text        NOT NULL DEFAULT '',
  at         timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX run_events_by_run ON run_events (run_id, id);
