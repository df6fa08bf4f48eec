import { type Action, type Principal, type PrincipalKind, redact } from '@flywheel/access';
import { AUDIT_LOG_COLUMNS, type AuditLogEntry, type AuditLogRow, auditLogEntryOf } from './audit-log-row';
import { IDENTITY_SCHEMA } from './identity-schema';
import { type SqlExecutor, quotedSchema } from './sql-executor';

export interface AppendAuditInput {
  principal: Pick<Principal, 'id' | 'kind'>;
  action: Action;
  target: { type: string; id: string };
  /** State before and after the change; secrets are redacted before they are written. */
  before?: unknown;
  after?: unknown;
  requestId: string;
  /** The Flywheel service that made the change (`registry`, `tracking`, …). */
  service: string;
  at?: Date;
}

export interface AuditLogQuery {
  target?: { type: string; id?: string };
  /** Entries by one kind of principal, or by one principal when `id` is given too. */
  principal?: { kind: PrincipalKind; id?: string };
  /** Inclusive lower and exclusive upper bound on `at`. */
  from?: Date;
  to?: Date;
  /** Continue after a previous page: pass its `nextBeforeId`. */
  beforeId?: string;
  /** Page size, at most `MAX_AUDIT_PAGE_SIZE` (default `DEFAULT_AUDIT_PAGE_SIZE`). */
  limit?: number;
}

export interface AuditLogPage {
  /** Newest first. */
  entries: AuditLogEntry[];
  /** Set when more entries may follow. */
  nextBeforeId?: string;
}

export const DEFAULT_AUDIT_PAGE_SIZE = 100;
export const MAX_AUDIT_PAGE_SIZE = 500;

/**
 * The only place the `audit_log` SQL lives. Appends only: the table itself rejects UPDATE,
 * DELETE and TRUNCATE. Pass the caller's transaction to `append` so the entry commits (or
 * rolls back) with the change it describes.
 */
export class AuditLogRepository {
  private readonly table: string;
  private readonly now: () => Date;

  constructor(
    private readonly db: SqlExecutor,
    options: { schema?: string; now?: () => Date } = {},
  ) {
    this.table = `${quotedSchema(options.schema ?? IDENTITY_SCHEMA)}.audit_log`;
    this.now = options.now ?? (() => new Date());
  }

  async append(input: AppendAuditInput, tx: SqlExecutor = this.db): Promise<AuditLogEntry> {
    const result = await tx.query<AuditLogRow>(
      `INSERT INTO ${this.table}
         (at, principal_id, principal_kind, action, target_type, target_id, before, after, request_id, service)
       VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8::jsonb, $9, $10)
       RETURNING ${AUDIT_LOG_COLUMNS}`,
      [
        input.at ?? this.now(),
        input.principal.id,
        input.principal.kind,
        input.action,
        input.target.type,
        input.target.id,
        jsonOrNull(input.before),
        jsonOrNull(input.after),
        input.requestId,
        input.service,
      ],
    );
    const row = result.rows[0];
    if (!row) throw new Error('audit entry was not returned by INSERT … RETURNING');
    return auditLogEntryOf(row);
  }

  async query(filter: AuditLogQuery = {}): Promise<AuditLogPage> {
    const limit = pageSize(filter.limit);
    const result = await this.db.query<AuditLogRow>(
      `SELECT ${AUDIT_LOG_COLUMNS} FROM ${this.table}
       WHERE ($1::text IS NULL OR target_type = $1)
         AND ($2::text IS NULL OR target_id = $2)
         AND ($3::text IS NULL OR principal_kind = $3)
         AND ($4::text IS NULL OR principal_id = $4)
         AND ($5::timestamptz IS NULL OR at >= $5)
         AND ($6::timestamptz IS NULL OR at < $6)
         AND ($7::bigint IS NULL OR id < $7)
       ORDER BY id DESC
       LIMIT $8`,
      [
        filter.target?.type ?? null,
        filter.target?.id ?? null,
        filter.principal?.kind ?? null,
        filter.principal?.id ?? null,
        filter.from ?? null,
        filter.to ?? null,
        filter.beforeId ?? null,
        limit + 1,
      ],
    );
    const entries = result.rows.slice(0, limit).map(auditLogEntryOf);
    const last = entries.at(-1);
    return result.rows.length > limit && last ? { entries, nextBeforeId: last.id } : { entries };
  }
}

function pageSize(limit: number | undefined): number {
  if (limit === undefined) return DEFAULT_AUDIT_PAGE_SIZE;
  if (!Number.isInteger(limit) || limit < 1) {
    throw new Error(`audit query limit must be a positive whole number, got ${limit}`);
  }
  return Math.min(limit, MAX_AUDIT_PAGE_SIZE);
}

function jsonOrNull(value: unknown): string | null {
  return value === undefined ? null : JSON.stringify(redact(value));
}
