-- Canary rollouts driven by the canary controller, and the keys of the commands and schedule
-- firings already acted on (idempotency).

-- One canary rollout of one model version; at most one in progress per model.
CREATE TABLE rollouts (
  id             uuid        PRIMARY KEY,
  model_name     text        NOT NULL,
  canary_version integer     NOT NULL,
  -- The @flywheel/traffic-policy RolloutPlan (baseline policy, steps) and RolloutState.
  plan           jsonb       NOT NULL,
  state          jsonb       NOT NULL,
  status         text        NOT NULL,
  -- The armed step timer: deliver `step_timer` for timer_step at timer_at.
  timer_step     integer,
  timer_at       timestamptz,
  run_id         uuid,
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  UNIQUE (model_name, canary_version)
);

CREATE UNIQUE INDEX rollouts_one_active_per_model ON rollouts (model_name)
  WHERE status IN ('pending', 'progressing');
CREATE INDEX rollouts_timers ON rollouts (timer_at) WHERE timer_at IS NOT NULL;

-- Commands (command_id) and schedule firings (schedule:<pipeline>:<trigger>:<time>) acted on,
-- written in the same transaction as what they caused, so a redelivery changes nothing.
CREATE TABLE processed_triggers (
  key          text        PRIMARY KEY,
  kind         text        NOT NULL,
  outcome      text        NOT NULL,
  run_id       uuid,
  processed_at timestamptz NOT NULL DEFAULT now()
);
