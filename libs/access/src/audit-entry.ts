import type { Action } from './permissions';
import type { Principal } from './principal';
import { redact } from './redact';

/** One change made through the API: who did what to which object, with the state either side. */
export interface AuditEntry {
  principal: Pick<Principal, 'id' | 'kind' | 'name' | 'role'>;
  action: Action;
  /** What was changed, e.g. `model:fraud-detector/version:3` or `api_key:abcd2345efgh`. */
  target: string;
  before?: unknown;
  after?: unknown;
  at: Date;
  requestId: string;
}

/** Builds an entry with `before` and `after` redacted, so secrets never reach the audit log. */
export function auditEntry(input: AuditEntry, secretKeys?: RegExp): AuditEntry {
  const { principal } = input;
  return {
    principal: { id: principal.id, kind: principal.kind, name: principal.name, role: principal.role },
    action: input.action,
    target: input.target,
    ...(input.before === undefined ? {} : { before: redact(input.before, secretKeys) }),
    ...(input.after === undefined ? {} : { after: redact(input.after, secretKeys) }),
    at: input.at,
    requestId: input.requestId,
  };
}
