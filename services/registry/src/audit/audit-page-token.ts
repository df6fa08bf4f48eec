import { AuditQueryError } from './audit-query-error';

const VERSION = 1;
// A bigserial id: a positive integer of at most 19 digits.
const ENTRY_ID = /^[1-9][0-9]{0,18}$/;

/** The opaque `next_page_token`: where the next page starts (entries older than this id). */
export function encodeAuditPageToken(beforeId: string): string {
  return Buffer.from(JSON.stringify({ v: VERSION, before: beforeId })).toString('base64url');
}

/** @throws AuditQueryError naming `page_token` for anything `encodeAuditPageToken` did not make. */
export function decodeAuditPageToken(token: string): string {
  const invalid = () => new AuditQueryError('page_token', 'is not a token returned by ListAuditEntries');
  if (token.length > 200 || !/^[A-Za-z0-9_-]+$/.test(token)) throw invalid();
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (typeof parsed !== 'object' || parsed === null) throw invalid();
  const { v, before } = parsed as { v?: unknown; before?: unknown };
  if (v !== VERSION || typeof before !== 'string' || !ENTRY_ID.test(before)) throw invalid();
  return before;
}
