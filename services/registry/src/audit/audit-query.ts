import type { PrincipalKind } from '@flywheel/access';
import { type AuditLogQuery, MAX_AUDIT_PAGE_SIZE } from '@flywheel/identity';
import { decodeAuditPageToken } from './audit-page-token';
import { AuditQueryError } from './audit-query-error';

/** The filters of a ListAuditEntries request, as the transport delivers them (proto3 defaults for unset). */
export interface AuditQueryInput {
  targetType: string;
  targetId: string;
  principalKind: string;
  principalId: string;
  fromTimeMs: number;
  toTimeMs: number;
  pageSize: number;
  pageToken: string;
}

const PRINCIPAL_KINDS: readonly PrincipalKind[] = ['api_key', 'oidc', 'service', 'anonymous'];
const MAX_TEXT = 200;
// The largest time a JavaScript Date holds.
const MAX_TIME_MS = 8_640_000_000_000_000;

/**
 * Validates a request into a query of the audit log; empty strings and zeros mean "no filter".
 * @throws AuditQueryError naming the first field at fault.
 */
export function auditQueryOf(input: AuditQueryInput): AuditLogQuery {
  const targetType = text(input.targetType, 'target_type');
  const targetId = text(input.targetId, 'target_id');
  const principalKind = text(input.principalKind, 'principal_kind');
  const principalId = text(input.principalId, 'principal_id');
  if (targetId !== undefined && targetType === undefined) throw new AuditQueryError('target_id', 'requires target_type');
  if (principalId !== undefined && principalKind === undefined)
    throw new AuditQueryError('principal_id', 'requires principal_kind');
  if (principalKind !== undefined && !(PRINCIPAL_KINDS as readonly string[]).includes(principalKind))
    throw new AuditQueryError('principal_kind', `must be one of ${PRINCIPAL_KINDS.join(', ')}`);
  const from = time(input.fromTimeMs, 'from_time_ms');
  const to = time(input.toTimeMs, 'to_time_ms');
  if (from !== undefined && to !== undefined && to <= from)
    throw new AuditQueryError('to_time_ms', 'must be later than from_time_ms');
  const pageSize = input.pageSize;
  if (!Number.isInteger(pageSize) || pageSize < 0 || pageSize > MAX_AUDIT_PAGE_SIZE)
    throw new AuditQueryError('page_size', `must be between 1 and ${MAX_AUDIT_PAGE_SIZE} (0: the default)`);
  return {
    ...(targetType !== undefined && { target: { type: targetType, ...(targetId !== undefined && { id: targetId }) } }),
    ...(principalKind !== undefined && {
      principal: { kind: principalKind as PrincipalKind, ...(principalId !== undefined && { id: principalId }) },
    }),
    ...(from !== undefined && { from }),
    ...(to !== undefined && { to }),
    ...(pageSize > 0 && { limit: pageSize }),
    ...(input.pageToken !== '' && { beforeId: decodeAuditPageToken(input.pageToken) }),
  };
}

function text(value: string, field: string): string | undefined {
  if (value === '') return undefined;
  if (value.length > MAX_TEXT) throw new AuditQueryError(field, `must be at most ${MAX_TEXT} characters`);
  return value;
}

function time(value: number, field: string): Date | undefined {
  if (value === 0) return undefined;
  if (!Number.isInteger(value) || value < 0 || value > MAX_TIME_MS)
    throw new AuditQueryError(field, 'must be epoch milliseconds (a non-negative integer)');
  return new Date(value);
}
