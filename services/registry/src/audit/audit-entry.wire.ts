import type { auditV1 } from '@flywheel/contracts';
import type { AuditLogEntry, AuditLogPage } from '@flywheel/identity';
import { encodeAuditPageToken } from './audit-page-token';

/** The gRPC response for a page: before/after as JSON text (already redacted when written). */
export function auditPageToWire(page: AuditLogPage): auditV1.ListAuditEntriesResponse {
  return {
    entries: page.entries.map(auditEntryToWire),
    nextPageToken: page.nextBeforeId === undefined ? '' : encodeAuditPageToken(page.nextBeforeId),
  };
}

function auditEntryToWire(entry: AuditLogEntry): auditV1.AuditEntry {
  return {
    id: entry.id,
    timeMs: entry.at.getTime(),
    principal: { id: entry.principal.id, kind: entry.principal.kind },
    action: entry.action,
    target: { type: entry.target.type, id: entry.target.id },
    beforeJson: entry.before === undefined ? '' : JSON.stringify(entry.before),
    afterJson: entry.after === undefined ? '' : JSON.stringify(entry.after),
    requestId: entry.requestId,
    service: entry.service,
  };
}
