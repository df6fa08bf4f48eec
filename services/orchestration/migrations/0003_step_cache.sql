-- Outputs of succeeded `cache: true` steps by cache key (SHA-256 of the step's task as written
-- and its resolved inputs): a later step with the same key is recorded cached with them.
CREATE TABLE step_cache (
  cache_key  text        PRIMARY KEY,
  run_id     uuid        NOT NULL,
  step       text        NOT NULL,
  outputs    jsonb       NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
