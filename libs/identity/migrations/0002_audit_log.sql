-- The audit log is append-only in the database itself, so no application bug (or stolen
-- application credential) can rewrite history: UPDATE, DELETE and TRUNCATE raise.
CREATE TABLE audit_log (
  id             bigserial PRIMARY KEY,
  at             timestamptz NOT NULL,
  principal_id   text NOT NULL,
  principal_kind text NOT NULL,
  action         text NOT NULL,
  target_type    text NOT NULL,
  target_id      text NOT NULL,
  before         jsonb,
  after          jsonb,
  request_id     text NOT NULL,
  service        text NOT NULL
);

CREATE INDEX audit_log_target ON audit_log (target_type, target_id, at DESC, id DESC);
CREATE INDEX audit_log_principal ON audit_log (principal_kind, principal_id, at DESC, id DESC);
CREATE INDEX audit_log_at ON audit_log (at DESC, id DESC);

CREATE FUNCTION audit_log_reject_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER audit_log_no_update_delete
  BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_reject_change();

CREATE TRIGGER audit_log_no_truncate
  BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_reject_change();

-- Belt and braces for roles other than the owner (read replicas, reporting users): the
-- trigger already stops the owner, which privileges alone cannot.
REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM PUBLIC;
