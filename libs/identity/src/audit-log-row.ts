import type { Action, PrincipalKind } from '@flywheel/access';

/** One stored audit entry. `id` is a bigserial, kept as a string so it never loses precision. */
export interface AuditLogEntry {
  id: string;
  at: Date;
  principal: { id: string; kind: PrincipalKind };
  action: Action;
  target: { type: string; id: string };
  before?: unknown;
  after?: unknown;
  requestId: string;
  service: string;
}

export interface AuditLogRow {
  id: string;
  at: Date;
  principal_id: string;
  principal_kind: string;
  action: string;
  target_type: string;
  target_id: string;
  before: unknown;
  after: unknown;
  request_id: string;
  service: string;
}

export const AUDIT_LOG_COLUMNS =
  'id, at, principal_id, principal_kind, action, target_type, target_id, before, after, request_id, service';

export function auditLogEntryOf(row: AuditLogRow): AuditLogEntry {
  return {
    id: row.id,
    at: row.at,
    // Rows are only written through `append`, which takes typed values.
    principal: { id: row.principal_id, kind: row.principal_kind as PrincipalKind },
    action: row.action as Action,
    target: { type: row.target_type, id: row.target_id },
    ...(row.before === null ? {} : { before: row.before }),
    ...(row.after === null ? {} : { after: row.after }),
    requestId: row.request_id,
    service: row.service,
  };
}
