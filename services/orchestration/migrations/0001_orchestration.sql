-- The orchestration service's tables. Runs with search_path set to its schema (see runPgMigrations).

-- Immutable versions of admin-registered pipeline definitions: never updated, never deleted.
CREATE TABLE pipeline_definitions (
  name          text        NOT NULL,
  version       integer     NOT NULL CHECK (version > 0),
  sha256        text        NOT NULL,
  yaml          text        NOT NULL,
  -- The validated @flywheel/pipelines Pipeline model: what runs execute.
  pipeline      jsonb       NOT NULL,
  registered_by text        NOT NULL,
  registered_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (name, version)
);

CREATE TABLE runs (
  id               uuid        PRIMARY KEY,
  pipeline_name    text        NOT NULL,
  pipeline_version integer     NOT NULL,
  status           text        NOT NULL CHECK (status IN ('running', 'succeeded', 'failed', 'cancelled')),
  -- The @flywheel/pipelines RunState: resolved params and every step's progress.
  state            jsonb       NOT NULL,
  triggered_by     text        NOT NULL,
  created_at       timestamptz NOT NULL DEFAULT now(),
  finished_at      timestamptz,
  -- The orchestrator instance driving the run, until lease_until; another may take over after.
  lease_owner      text,
  lease_until      timestamptz,
  FOREIGN KEY (pipeline_name, pipeline_version) REFERENCES pipeline_definitions (name, version)
);

CREATE INDEX runs_running ON runs (lease_until) WHERE status = 'running';
CREATE INDEX runs_active_by_pipeline ON runs (pipeline_name) WHERE status = 'running';

-- What each process attempt did: exit code and the tail of its output.
CREATE TABLE step_attempts (
  run_id      uuid        NOT NULL REFERENCES runs (id),
  step        text        NOT NULL,
  attempt     integer     NOT NULL,
  started_at  timestamptz NOT NULL,
  finished_at timestamptz,
  exit_code   integer,
  output_tail text        NOT NULL DEFAULT '',
  PRIMARY KEY (run_id, step, attempt)
);
