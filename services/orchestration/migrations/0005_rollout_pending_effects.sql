-- Effects of saved transitions not yet performed (an outbox): the canary controller commits a
-- transition with its effects, performs them after the commit (never inside an orchestration
-- transaction) and clears them; its polling tick re-performs any left by a crash or failure.
ALTER TABLE rollouts ADD COLUMN pending_effects jsonb NOT NULL DEFAULT '[]'::jsonb;
CREATE INDEX rollouts_pending_effects ON rollouts (id) WHERE pending_effects <> '[]'::jsonb;
