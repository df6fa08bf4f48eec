-- MLflow 3 logged models: a model an experiment produced (usually by a run), with its own
-- artifact location, params and tags, and the run outputs linking runs to the models they logged.

CREATE TABLE logged_models (
  -- `m-` and 32 hex digits, as MLflow names them.
  model_id text PRIMARY KEY,
  experiment_id bigint NOT NULL REFERENCES experiments (experiment_id),
  name text NOT NULL,
  -- `<experiment artifact location>/models/<model_id>/artifacts`.
  artifact_location text NOT NULL,
  creation_timestamp_ms bigint NOT NULL,
  last_updated_timestamp_ms bigint NOT NULL,
  model_type text,
  -- MLflow's LoggedModelStatus value names.
  status text NOT NULL CHECK (status IN ('LOGGED_MODEL_PENDING', 'LOGGED_MODEL_READY', 'LOGGED_MODEL_UPLOAD_FAILED')),
  lifecycle_stage text NOT NULL CHECK (lifecycle_stage IN ('active', 'deleted')),
  -- Not a foreign key: MLflow records whatever run id the client names.
  source_run_id text
);

-- Search's default order within an experiment: newest first, then model id.
CREATE INDEX logged_models_experiment_created ON logged_models (experiment_id, creation_timestamp_ms DESC, model_id);
CREATE INDEX logged_models_source_run ON logged_models (source_run_id);

CREATE TABLE logged_model_params (
  model_id text NOT NULL REFERENCES logged_models (model_id),
  key text NOT NULL,
  value text NOT NULL,
  PRIMARY KEY (model_id, key)
);

CREATE TABLE logged_model_tags (
  model_id text NOT NULL REFERENCES logged_models (model_id),
  key text NOT NULL,
  value text NOT NULL,
  PRIMARY KEY (model_id, key)
);

-- `runs/outputs`: the models a run logged, at which step.
CREATE TABLE run_model_outputs (
  run_id text NOT NULL REFERENCES runs (run_id),
  model_id text NOT NULL REFERENCES logged_models (model_id),
  step bigint NOT NULL,
  PRIMARY KEY (run_id, model_id, step)
);

-- Metrics logged with a `model_id` (MLflow 3 `log_metric(model_id=...)`; log_model re-logs the
-- run's metrics of its step this way): every value, as MLflow keeps them for a logged model.
CREATE TABLE logged_model_metrics (
  model_id text NOT NULL REFERENCES logged_models (model_id),
  key text NOT NULL,
  value double precision NOT NULL,
  timestamp bigint NOT NULL,
  step bigint NOT NULL,
  run_id text NOT NULL,
  dataset_name text NOT NULL DEFAULT '',
  dataset_digest text NOT NULL DEFAULT '',
  PRIMARY KEY (model_id, key, timestamp, step, run_id, dataset_name, dataset_digest)
);
