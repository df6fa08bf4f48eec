-- The registry's tables. Runs with search_path set to the registry schema (see runPgMigrations).

CREATE TABLE registered_models (
  id               bigserial PRIMARY KEY,
  name             text        NOT NULL UNIQUE,
  description      text        NOT NULL DEFAULT '',
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  created_by       text        NOT NULL,
  -- The highest version number handed out; bumped with UPDATE ... RETURNING, whose row lock
  -- serializes concurrent registrations of one model. Numbers of deleted versions are not reused.
  last_version     integer     NOT NULL DEFAULT 0,
  -- The two-person rule: aliases and stages whose assignment needs a second principal.
  approval_aliases text[]      NOT NULL DEFAULT '{}',
  approval_stages  text[]      NOT NULL DEFAULT '{}'
);

CREATE TABLE registered_model_tags (
  model_id bigint NOT NULL REFERENCES registered_models (id) ON DELETE CASCADE,
  key      text   NOT NULL,
  value    text   NOT NULL,
  PRIMARY KEY (model_id, key)
);

CREATE TABLE model_versions (
  id               bigserial PRIMARY KEY,
  model_id         bigint      NOT NULL REFERENCES registered_models (id) ON DELETE CASCADE,
  version          integer     NOT NULL,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  created_by       text        NOT NULL,
  description      text        NOT NULL DEFAULT '',
  source           text        NOT NULL,
  storage_uri      text        NOT NULL,
  run_id           text        NOT NULL DEFAULT '',
  run_link         text        NOT NULL DEFAULT '',
  logged_model_id  text        NOT NULL DEFAULT '',
  status           text        NOT NULL CHECK (status IN ('PENDING_REGISTRATION', 'READY', 'FAILED_REGISTRATION')),
  status_message   text        NOT NULL DEFAULT '',
  stage            text        NOT NULL DEFAULT 'None' CHECK (stage IN ('None', 'Staging', 'Production', 'Archived')),
  dataset_digest   text        NOT NULL DEFAULT '',
  code_version     text        NOT NULL DEFAULT '',
  signature        jsonb,
  -- Managed copies: the copy worker claims a pending version until this time.
  copy_claimed_until timestamptz,
  UNIQUE (model_id, version)
);

CREATE INDEX model_versions_run_id ON model_versions (run_id) WHERE run_id <> '';
CREATE INDEX model_versions_pending_copy ON model_versions (id) WHERE status = 'PENDING_REGISTRATION';

CREATE TABLE model_version_tags (
  version_id bigint NOT NULL REFERENCES model_versions (id) ON DELETE CASCADE,
  key        text   NOT NULL,
  value      text   NOT NULL,
  PRIMARY KEY (version_id, key)
);

CREATE TABLE model_aliases (
  model_id bigint  NOT NULL REFERENCES registered_models (id) ON DELETE CASCADE,
  alias    text    NOT NULL,
  version  integer NOT NULL,
  PRIMARY KEY (model_id, alias),
  FOREIGN KEY (model_id, version) REFERENCES model_versions (model_id, version) ON DELETE CASCADE
);

CREATE TABLE reference_profiles (
  version_id bigint      PRIMARY KEY REFERENCES model_versions (id) ON DELETE CASCADE,
  row_count  bigint      NOT NULL,
  profile    jsonb       NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE promotion_requests (
  id                 uuid        PRIMARY KEY,
  model_id           bigint      NOT NULL,
  version            integer     NOT NULL,
  target_alias       text,
  target_stage       text CHECK (target_stage IN ('None', 'Staging', 'Production', 'Archived')),
  archive_existing   boolean     NOT NULL DEFAULT false,
  state              text        NOT NULL CHECK (state IN ('PENDING', 'APPLIED', 'REJECTED')),
  requested_by_kind  text        NOT NULL,
  requested_by_id    text        NOT NULL,
  requested_by_name  text        NOT NULL,
  requested_by_role  text        NOT NULL,
  requested_at       timestamptz NOT NULL DEFAULT now(),
  decided_by_name    text        NOT NULL DEFAULT '',
  decided_at         timestamptz,
  comment            text        NOT NULL DEFAULT '',
  decision_comment   text        NOT NULL DEFAULT '',
  CHECK ((target_alias IS NULL) <> (target_stage IS NULL)),
  FOREIGN KEY (model_id, version) REFERENCES model_versions (model_id, version) ON DELETE CASCADE
);

CREATE INDEX promotion_requests_model ON promotion_requests (model_id, requested_at DESC);

-- Transactional outbox: written in the transaction of the change it describes; the relay
-- publishes undelivered rows in id order and then stamps delivered_at. Changes to one model
-- take that model's row lock before inserting here, so their ids follow their commit order.
CREATE TABLE outbox (
  id           bigserial   PRIMARY KEY,
  model_name   text        NOT NULL,
  actor        text        NOT NULL,
  occurred_at  timestamptz NOT NULL DEFAULT now(),
  -- The RegistryEvent's `change` member in the proto3 JSON mapping, e.g. {"aliasSet": {...}}.
  change       jsonb       NOT NULL,
  delivered_at timestamptz
);

CREATE INDEX outbox_undelivered ON outbox (id) WHERE delivered_at IS NULL;
